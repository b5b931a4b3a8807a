package org.estatehub.common.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.security.VerifiedTokens;

import com.github.benmanes.caffeine.cache.Ticker;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The rate limit per caller (README "Limits"): a token bucket ({@link TokenBuckets}) per partner system
 * (a client-credentials token: its {@code client_id}), per user (any other token: its subject) or, for a
 * request without a verified token, per client address (after the trusted proxies' X-Forwarded-For, see
 * quarkus.http.proxy), so token-less floods and floods of made-up tokens are limited too. Health probes
 * are never limited: an orchestrator that cannot probe restarts a healthy replica.
 * <p>
 * A Vert.x route in front of every endpoint, so it covers every answer (operations, unknown paths, 405)
 * and refuses before any JAX-RS work. The caller is who the bearer token says only if quarkus-oidc has
 * verified that very token before (VerifiedTokens, one cache lookup, no signature check); a token's first
 * request counts against the client address. It does not ask Quarkus to authenticate the request itself:
 * a failed authentication outside JAX-RS would answer Quarkus' bare 401 instead of the operation's
 * problem+json.
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

    /** After RequestIds, StandardHeaders and PayloadLimits (Integer.MIN_VALUE + 1), before MethodNotAllowed. */
    static final int ORDER = -1;

    private static final String POLICY_NAME = "\"default\"";
    private static final String BEARER = "Bearer ";

    @ConfigProperty(name = "estatehub.rate-limit.enabled")
    boolean enabled;

    @ConfigProperty(name = "estatehub.rate-limit.requests-per-second")
    double requestsPerSecond;

    @ConfigProperty(name = "estatehub.rate-limit.burst")
    long burst;

    @ConfigProperty(name = "estatehub.rate-limit.max-callers")
    long maxCallers;

    @Inject
    VerifiedTokens tokens;

    private TokenBuckets buckets;

    /** The RateLimit-Policy value: the same on every answer. */
    private String policy;

    void register(@Observes Router router) {
        if (!enabled) {
            return;
        }
        buckets = new TokenBuckets(requestsPerSecond, burst, maxCallers, Ticker.systemTicker());
        policy = POLICY_NAME + ";q=" + buckets.burst() + ";w=" + buckets.windowSeconds();
        router.route().order(ORDER).handler(rc -> {
            if (rc.normalizedPath().startsWith("/q/health")) {
                rc.next();
                return;
            }
            admit(rc, caller(rc));
        });
    }

    private void admit(RoutingContext rc, String caller) {
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
                        + rate() + " per second, per caller (README \"Limits\"). Nothing was done; retry after "
                        + decision.retryAfterSeconds() + " s.")
                .put("instance", rc.request().path())
                .encode();
        rc.response().setStatusCode(429)
                .putHeader("Content-Type", Problems.MEDIA_TYPE)
                .putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()))
                .end(problem);
    }

    private String rate() {
        return requestsPerSecond == Math.rint(requestsPerSecond) ? Long.toString((long) requestsPerSecond)
                : Double.toString(requestsPerSecond);
    }

    /** A partner system by its client, a user by subject, anything else by address. */
    private String caller(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            JsonWebToken claims = tokens.claims(authorization.substring(BEARER.length()).trim());
            if (claims != null) {
                return callerKey(claims);
            }
        }
        var address = rc.request().remoteAddress();
        return "address:" + (address == null ? "unknown" : address.hostAddress());
    }

    static String callerKey(JsonWebToken claims) {
        Object client = claims.getClaim("client_id");
        return client != null ? "client:" + client : "user:" + claims.getSubject();
    }
}
