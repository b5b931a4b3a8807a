package org.estatehub.common.security;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * Identities of access tokens whose signature and claims quarkus-oidc has already verified, kept until the
 * token's own expiry. Checking an RS256 signature and parsing the claims cost more CPU than a whole read
 * by id (bench/bench.sh profile), and partner systems send the same token for minutes.
 * <p>
 * Safe because the key is the exact token text: a token is only ever answered from here after the very
 * same bytes (payload and signature) passed full verification, and never after its {@code exp}. Nothing
 * else changes: tokens are not checked with Keycloak per request anyway (local JWT verification).
 * <p>
 * An entry holds only what identifies the caller ({@link VerifiedCaller}): quarkus-oidc's identity also
 * carries the first request's Vert.x routing context and per-request security context as attributes, and
 * remembering those would keep up to {@code capacity} finished requests (headers, bodies) alive until their
 * tokens expire. Reads are lock-free (Caffeine); the size bound evicts by recency and frequency, so a flood
 * of one-off tokens evicts mostly itself rather than the partner systems that come back every second.
 */
@ApplicationScoped
public class VerifiedTokens {

    /**
     * Attributes quarkus-oidc sets that describe the caller rather than the request, kept so that a
     * remembered identity answers them as the verified one did. The others (routing context, request's
     * security context, OIDC client, provider metadata) are per request or shared machinery; EstateHub
     * reads none of them, and {@link VerifiedTokenProvider} adds the current request's routing context.
     */
    static final Set<String> CALLER_ATTRIBUTES = Set.of("tenant-id", "quarkus.identity.expire-time");

    /**
     * Who a verified token identifies: its parsed claims (the principal), roles and credentials, and when
     * it stops being valid. Nothing from the request that first presented it.
     */
    record VerifiedCaller(Principal principal, Set<String> roles, Set<Credential> credentials,
            Map<String, Object> attributes, long expiresAtSecond) {

        SecurityIdentity identity() {
            return QuarkusSecurityIdentity.builder().setPrincipal(principal).addRoles(roles)
                    .addCredentials(credentials).addAttributes(attributes).build();
        }
    }

    private final Cache<String, VerifiedCaller> entries;
    private final int capacity;
    private final Clock clock;

    @Inject
    public VerifiedTokens(@ConfigProperty(name = "estatehub.security.verified-token-cache-size") int capacity,
            Clock clock) {
        this(capacity, clock, Ticker.systemTicker());
    }

    /**
     * {@code clock} decides whether a token has expired; {@code ticker} only when the cache gets round to
     * dropping an expired entry (tests move both together).
     */
    VerifiedTokens(int capacity, Clock clock, Ticker ticker) {
        this.capacity = capacity;
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(Math.max(capacity, 0))
                .expireAfter(new Expiry<String, VerifiedCaller>() {
                    @Override
                    public long expireAfterCreate(String token, VerifiedCaller caller, long currentTime) {
                        return remaining(caller);
                    }

                    @Override
                    public long expireAfterUpdate(String token, VerifiedCaller caller, long currentTime,
                            long currentDuration) {
                        return currentDuration;
                    }

                    @Override
                    public long expireAfterRead(String token, VerifiedCaller caller, long currentTime,
                            long currentDuration) {
                        return currentDuration;
                    }
                })
                .ticker(ticker)
                // Upkeep (evicting, expiring) on the calling thread: a few pointer moves, no pool to wait for.
                .executor(Runnable::run)
                .build();
    }

    /** The identity verified earlier for exactly this token, or null (unknown or expired). */
    public SecurityIdentity find(String token) {
        VerifiedCaller caller = current(token);
        return caller == null ? null : caller.identity();
    }

    /**
     * The claims of a token verified earlier and not expired, or null: for the rate limit, which needs only
     * who the caller is, before (and without) authenticating the request.
     */
    public JsonWebToken claims(String token) {
        VerifiedCaller caller = current(token);
        return caller == null ? null : (JsonWebToken) caller.principal();
    }

    private VerifiedCaller current(String token) {
        if (capacity <= 0) {
            return null;
        }
        VerifiedCaller caller = entries.getIfPresent(token);
        if (caller == null) {
            return null;
        }
        // Checked here too, not only by the cache's timer: the rule is "never at or after exp", to the second.
        if (clock.instant().getEpochSecond() >= caller.expiresAtSecond()) {
            entries.invalidate(token);
            return null;
        }
        return caller;
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
        VerifiedCaller caller = new VerifiedCaller(jwt, Set.copyOf(identity.getRoles()),
                Set.copyOf(identity.getCredentials()), callerAttributes(identity), jwt.getExpirationTime());
        if (remaining(caller) > 0) {
            entries.asMap().putIfAbsent(credential.getToken(), caller);
        }
    }

    private static Map<String, Object> callerAttributes(SecurityIdentity identity) {
        Map<String, Object> kept = new HashMap<>();
        for (String name : CALLER_ATTRIBUTES) {
            Object value = identity.getAttribute(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return Map.copyOf(kept);
    }

    /** Nanoseconds from now until the token's exp (0 or less: already expired). */
    private long remaining(VerifiedCaller caller) {
        Instant now = clock.instant();
        return TimeUnit.SECONDS.toNanos(caller.expiresAtSecond() - now.getEpochSecond()) - now.getNano();
    }

    int size() {
        entries.cleanUp();
        return (int) entries.estimatedSize();
    }

    /** What is remembered, for tests that check what an entry holds. */
    Iterable<VerifiedCaller> remembered() {
        return entries.asMap().values();
    }
}
