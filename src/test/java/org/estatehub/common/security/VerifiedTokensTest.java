package org.estatehub.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.estatehub.testing.FastTest;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The cache's own rules, with a fixed clock: expiry, capacity, what it refuses to remember and what it keeps. */
@FastTest
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
        assertSame(alice.getPrincipal(), tokens.find("token-a").getPrincipal());
        assertNull(tokens.find("token-a "));
        assertNull(tokens.find("token-b"));

        VerifiedTokens later = at(NOW + 60, 10);
        later.remember(alice);
        assertNull(later.find("token-a"), "a token is never answered at or after its exp");
        assertEquals(0, later.size(), "an expired entry is dropped when asked for");
    }

    @Test
    void expiredEntriesLeaveTheCacheWithoutBeingAskedFor() {
        java.util.concurrent.atomic.AtomicLong second = new java.util.concurrent.atomic.AtomicLong(NOW);
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(second.get());
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
        VerifiedTokens tokens = new VerifiedTokens(10, clock, () -> TimeUnit.SECONDS.toNanos(second.get()));
        tokens.remember(identity("a", NOW + 60));
        tokens.remember(identity("b", NOW + 120));
        second.set(NOW + 60);
        assertEquals(1, tokens.size(), "a's entry is gone at its exp, b's stays");
        second.set(NOW + 120);
        assertEquals(0, tokens.size());
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

    @Test
    void answersTheRolesCredentialsAndCallerAttributesOfTheVerifiedIdentity() {
        SecurityIdentity verified = QuarkusSecurityIdentity.builder(identity("token-a", NOW + 60))
                .addRole("partner-editor").addAttribute("tenant-id", "Default")
                .addAttribute("quarkus.identity.expire-time", NOW + 60).build();
        VerifiedTokens tokens = at(NOW, 10);
        tokens.remember(verified);
        SecurityIdentity found = tokens.find("token-a");
        assertEquals(Set.of("partner-editor"), found.getRoles());
        assertEquals("token-a", found.getCredential(AccessTokenCredential.class).getToken());
        assertEquals("Default", found.getAttribute("tenant-id"));
        assertEquals(NOW + 60, (Long) found.getAttribute("quarkus.identity.expire-time"));
        assertFalse(found.isAnonymous());
    }

    /**
     * 2,000 identities built as quarkus-oidc builds them while it handles a real HTTP request (its parsed
     * claims as the principal, the request's routing context as an attribute): the full cache keeps not
     * one Vert.x or Netty object, so no finished request stays in memory until its token expires.
     */
    @Test
    void twoThousandRememberedTokensRetainNoRequestObjects() throws Exception {
        VerifiedTokens tokens = at(NOW, 2_000);
        Set<String> inAVerifiedIdentity = new java.util.concurrent.ConcurrentSkipListSet<>();
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            router.get("/me").handler(request -> {
                SecurityIdentity verified = asOidcBuildsIt(request.queryParams().get("token"), request);
                if (inAVerifiedIdentity.isEmpty()) {
                    inAVerifiedIdentity.addAll(RetainedObjects.requestObjectsReachableFrom(verified));
                }
                tokens.remember(verified);
                request.response().end("ok");
            });
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < 2_000; i++) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.actualPort() + "/me?token=token-" + i)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode());
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertEquals(2_000, tokens.size());
        assertTrue(inAVerifiedIdentity.contains("io.vertx.ext.web.impl.RoutingContextImpl"),
                "the identity handed to the cache holds its request: " + inAVerifiedIdentity);
        assertEquals(Set.of(), RetainedObjects.requestObjectsReachableFrom(tokens));
        assertEquals("someone-1999", tokens.find("token-1999").getPrincipal().getName());
    }

    /** What OidcUtils.validateAndCreateIdentity builds for a bearer token, with this request's context. */
    static SecurityIdentity asOidcBuildsIt(String token, RoutingContext request) {
        try {
            AccessTokenCredential credential = new AccessTokenCredential(token);
            JwtClaims claims = JwtClaims.parse("{\"sub\":\"" + token + "\",\"preferred_username\":\"someone-"
                    + token.substring("token-".length()) + "\",\"partner_id\":\"dover\",\"exp\":" + (NOW + 300)
                    + ",\"realm_access\":{\"roles\":[\"partner-editor\"]}}");
            return QuarkusSecurityIdentity.builder().addCredential(credential)
                    .setPrincipal(new OidcJwtCallerPrincipal(claims, credential, "preferred_username"))
                    .addRole("partner-editor")
                    .addAttribute("quarkus.identity.expire-time", NOW + 300)
                    .addAttribute(RoutingContext.class.getName(), request)
                    .addAttribute("tenant-id", "Default")
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
