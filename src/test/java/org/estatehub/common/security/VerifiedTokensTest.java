package org.estatehub.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The cache's own rules, with a fixed clock: expiry, capacity, and what it refuses to remember. */
class VerifiedTokensTest {

    static final long NOW = 1_800_000_000L;

    static SecurityIdentity identity(String token, long exp) {
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addCredential(new AccessTokenCredential(token))
                .build();
    }

    static VerifiedTokens at(long second, int capacity) {
        return new VerifiedTokens(capacity, Clock.fixed(Instant.ofEpochSecond(second), ZoneOffset.UTC));
    }

    @Test
    void answersOnlyTheSameTokenAndOnlyBeforeItsExpiry() {
        SecurityIdentity alice = identity("token-a", NOW + 60);
        VerifiedTokens tokens = at(NOW, 10);
        tokens.remember(alice);
        assertSame(alice, tokens.find("token-a"));
        assertNull(tokens.find("token-a "));
        assertNull(tokens.find("token-b"));

        VerifiedTokens later = at(NOW + 60, 10);
        later.remember(alice);
        assertNull(later.find("token-a"), "a token is never answered at or after its exp");
        assertEquals(0, later.size(), "an expired entry is dropped when asked for");
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        VerifiedTokens tokens = at(NOW, 2);
        tokens.remember(identity("a", NOW + 60));
        tokens.remember(identity("b", NOW + 60));
        tokens.find("a");
        tokens.remember(identity("c", NOW + 60));
        assertEquals(2, tokens.size());
        assertNull(tokens.find("b"));
        assertEquals("someone", tokens.find("a").getPrincipal().getName());
    }

    @Test
    void remembersNothingWithoutAnExpiryOrWhenTurnedOff() {
        VerifiedTokens tokens = at(NOW, 10);
        tokens.remember(identity("no-exp", 0));
        tokens.remember(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        assertEquals(0, tokens.size());

        VerifiedTokens off = at(NOW, 0);
        off.remember(identity("a", NOW + 60));
        assertNull(off.find("a"));
    }
}
