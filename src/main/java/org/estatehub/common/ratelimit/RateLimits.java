package org.estatehub.common.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.estatehub.common.problem.Problems;

import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The rate limit per caller (README "Limits"): a token bucket ({@link TokenBuckets}) per partner system
 * (a client-credentials token: its {@code client_id}), per user (any other token: its subject) or, for
 * requests without a valid token, per client address (after the trusted proxies' X-Forwarded-For, see
 * quarkus.http.proxy), so token-less floods are limited too. Health probes are never limited: an
 * orchestrator that cannot probe restarts a healthy replica.
 * <p>
 * A Vert.x route after Quarkus' authentication handler, so it covers every answer (operations, unknown
 * paths, 405) and refuses before any JAX-RS work. It asks for the request's identity, which
 * quarkus-oidc verifies once and then answers from VerifiedTokens; the answer is memoized, so the
 * operation's own security check reuses it rather than verifying again. An invalid token counts against
 * the client address, and the operation still answers its 401.
 * <p>
 * Every answer it admits carries {@code RateLimit-Policy} and {@code RateLimit}, a refusal is 429
 * problem+json with {@code Retry-After} too, in the structured-field form of
 * draft-ietf-httpapi-ratelimit-headers-10 ("RateLimit header fields for HTTP", IETF httpapi WG,
 * September 2025): {@code RateLimit-Policy: "default";q=<burst>;w=<seconds to fill an empty bucket>} and
 * {@code RateLimit: "default";r=<requests left now>;t=<seconds until the bucket is full again>}.
 */
@ApplicationScoped
public class RateLimits {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String STATE_HEADER = "RateLimit";

    /** After Quarkus' authentication handler (a filter at order -200), before every endpoint route. */
    static final int ORDER = -1;

    private static final String POLICY_NAME = "\"default\"";

    @ConfigProperty(name = "estatehub.rate-limit.enabled")
    boolean enabled;

    @ConfigProperty(name = "estatehub.rate-limit.requests-per-second")
    long requestsPerSecond;

    @ConfigProperty(name = "estatehub.rate-limit.burst")
    long burst;

    @ConfigProperty(name = "estatehub.rate-limit.max-callers")
    long maxCallers;

    /** The RateLimit-Policy value: the same on every answer. */
    private String policy;

    void register(@Observes Router router) {
        if (!enabled) {
            return;
        }
        TokenBuckets buckets = new TokenBuckets(requestsPerSecond, burst, maxCallers, Ticker.systemTicker());
        policy = POLICY_NAME + ";q=" + buckets.burst() + ";w=" + buckets.windowSeconds();
        router.route().order(ORDER).handler(rc -> {
            if (rc.normalizedPath().startsWith("/q/health")) {
                rc.next();
                return;
            }
            Uni<SecurityIdentity> identity = rc.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
            if (identity == null) {
                admit(rc, buckets, addressKey(rc));
                return;
            }
            identity.subscribe().with(
                    known -> admit(rc, buckets, callerKey(known, rc)),
                    invalidToken -> admit(rc, buckets, addressKey(rc)));
        });
    }

    private void admit(RoutingContext rc, TokenBuckets buckets, String caller) {
        TokenBuckets.Decision decision = buckets.take(caller);
        rc.response().putHeader(POLICY_HEADER, policy)
                .putHeader(STATE_HEADER, POLICY_NAME + ";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
        if (decision.allowed()) {
            rc.next();
            return;
        }
        String problem = new JsonObject()
                .put("type", "https://estatehub.example/problems/rate-limited")
                .put("title", "Too many requests")
                .put("status", 429)
                .put("detail", "Over the rate limit of " + buckets.burst() + " requests at once, refilled at "
                        + requestsPerSecond + " per second, per caller (README \"Limits\"). Nothing was done;"
                        + " retry after " + decision.retryAfterSeconds() + " s.")
                .put("instance", rc.request().path())
                .encode();
        rc.response().setStatusCode(429)
                .putHeader("Content-Type", Problems.MEDIA_TYPE)
                .putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()))
                .end(problem);
    }

    /** A partner system by its client, a user by subject; anonymous by address. */
    static String callerKey(SecurityIdentity identity, RoutingContext rc) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return addressKey(rc);
        }
        Object client = jwt.getClaim("client_id");
        if (client != null) {
            return "client:" + client;
        }
        return "user:" + jwt.getSubject();
    }

    private static String addressKey(RoutingContext rc) {
        var address = rc.request().remoteAddress();
        return "address:" + (address == null ? "unknown" : address.hostAddress());
    }
}
