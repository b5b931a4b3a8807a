package org.estatehub.common.security;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Identities of access tokens whose signature and claims quarkus-oidc has already verified, kept until the
 * token's own expiry. Checking an RS256 signature and parsing the claims cost more CPU than a whole read
 * by id (bench/bench.sh profile), and partner systems send the same token for minutes.
 * <p>
 * Safe because the key is the exact token text: a token is only ever answered from here after the very
 * same bytes (payload and signature) passed full verification, and never after its {@code exp}. Nothing
 * else changes: tokens are not checked with Keycloak per request anyway (local JWT verification).
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Entry(SecurityIdentity identity, long expiresAtSecond) {
    }

    private final Map<String, Entry> entries;
    private final int capacity;
    private final Clock clock;

    @Inject
    public VerifiedTokens(@ConfigProperty(name = "estatehub.security.verified-token-cache-size") int capacity) {
        this(capacity, Clock.systemUTC());
    }

    VerifiedTokens(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
        // Least recently used first, so a flood of one-off tokens evicts only themselves and idle callers.
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedTokens.this.capacity;
            }
        };
    }

    /** The identity verified earlier for exactly this token, or null (unknown or expired). */
    public SecurityIdentity find(String token) {
        if (capacity <= 0) {
            return null;
        }
        synchronized (entries) {
            Entry entry = entries.get(token);
            if (entry == null) {
                return null;
            }
            if (clock.instant().getEpochSecond() >= entry.expiresAtSecond()) {
                entries.remove(token);
                return null;
            }
            return entry.identity();
        }
    }

    /** Remembers an identity that quarkus-oidc verified from a JWT access token with an expiry. */
    public void remember(SecurityIdentity identity) {
        if (capacity <= 0 || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null) {
            return;
        }
        synchronized (entries) {
            entries.putIfAbsent(credential.getToken(), new Entry(identity, jwt.getExpirationTime()));
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
