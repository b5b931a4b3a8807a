package org.estatehub.common.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.estatehub.testing.Api;
import org.estatehub.testing.Contract;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The rate limit per caller with a tiny bucket (5 requests at once, one every 5 s): 429 problem+json with
 * Retry-After and the RateLimit headers, validated against the contract; recovery after Retry-After;
 * separate buckets for users, partner systems and addresses; health never limited. Each test uses its own
 * callers, so the order the tests run in does not matter.
 * <p>
 * Runs after every other class: its profile restarts Quarkus, and starting the default profile again
 * afterwards in the same JVM failed (Quarkus 3.28.2: "shutdownContext is null"), so nothing may need it.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyBucket.class)
@Order(Integer.MAX_VALUE)
class RateLimitTest {

    /** 5 requests at once, then one every 5 s: slow enough that no token comes back during a test by accident. */
    public static class TinyBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("estatehub.rate-limit.requests-per-second", "0.2", "estatehub.rate-limit.burst", "5");
        }
    }

    private static final String POLICY = "\"default\";q=5;w=25";

    /** A user's requests from their own client address (the test client is a trusted proxy, 127.0.0.1). */
    private static RequestSpecification as(String username, String address) {
        return Api.as(username).header("X-Forwarded-For", address);
    }

    private static RequestSpecification asSystem(String client, String secret, String address) {
        return Api.asSystem(client, secret).header("X-Forwarded-For", address);
    }

    private static RequestSpecification anonymous(String address) {
        return given().filter(Contract.RESPONSES).header("X-Forwarded-For", address);
    }

    /**
     * Uses up a caller's bucket: one request so that the token has been verified (it counts against the
     * address), five answers with r counting down, then the refusal.
     */
    private static Response exhaust(java.util.function.Supplier<RequestSpecification> caller) {
        caller.get().get("/me").then().statusCode(200);
        for (int left = 4; left >= 0; left--) {
            caller.get().get("/me").then().statusCode(200)
                    .header("RateLimit-Policy", equalTo(POLICY))
                    .header("RateLimit", startsWith("\"default\";r=" + left + ";t="));
        }
        return caller.get().get("/me");
    }

    @Test
    void overTheLimitIs429ProblemWithRetryAfterAndRateLimitHeaders() {
        Response refused = exhaust(() -> as("maidstone.viewer", "203.0.113.1"));
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .header("RateLimit-Policy", equalTo(POLICY))
                .header("RateLimit", matchesPattern("\"default\";r=0;t=2[1-5]"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"))
                .body("type", equalTo("https://estatehub.example/problems/rate-limited"))
                .body("title", equalTo("Too many requests"))
                .body("status", equalTo(429))
                .body("instance", equalTo("/me"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);
        String detail = refused.path("detail");
        assertTrue(detail.contains("5 requests at once") && detail.contains("0.2 per second"), detail);
    }

    @Test
    void theCallerGetsThroughAgainAfterRetryAfter() throws InterruptedException {
        Response refused = exhaust(() -> as("sevenoaks.editor", "203.0.113.2"));
        refused.then().statusCode(429);
        long wait = Long.parseLong(refused.header("Retry-After"));
        Thread.sleep(wait * 1000 + 100);
        as("sevenoaks.editor", "203.0.113.2").get("/me").then().statusCode(200)
                .header("RateLimit", startsWith("\"default\";r=0;"));
        as("sevenoaks.editor", "203.0.113.2").get("/me").then().statusCode(429);
    }

    @Test
    void usersAndPartnerSystemsHaveTheirOwnBuckets() {
        exhaust(() -> as("maidstone.editor", "203.0.113.3")).then().statusCode(429);
        // From the same address: another user, and the same partner's system (client credentials), are
        // not affected, and a system's bucket is its own too.
        as("dover.editor", "203.0.113.4").get("/me").then().statusCode(200);
        as("dover.editor", "203.0.113.3").get("/me").then().statusCode(200)
                .header("RateLimit", startsWith("\"default\";r=4;"));
        exhaust(() -> asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET, "203.0.113.5"))
                .then().statusCode(429);
        asSystem("kent-police-system", Api.KENT_POLICE_SYSTEM_SECRET, "203.0.113.5").get("/me").then().statusCode(200);
        asSystem("kent-police-system", Api.KENT_POLICE_SYSTEM_SECRET, "203.0.113.5").get("/me").then().statusCode(200)
                .header("RateLimit", startsWith("\"default\";r=4;"));
        as("maidstone.editor", "203.0.113.6").get("/me").then().statusCode(429);
    }

    @Test
    void requestsWithoutAVerifiedTokenAreLimitedByClientAddress() {
        for (int left = 4; left >= 0; left--) {
            anonymous("203.0.113.7").get("/me").then().statusCode(401)
                    .header("RateLimit-Policy", equalTo(POLICY))
                    .header("RateLimit", startsWith("\"default\";r=" + left + ";"));
        }
        // A made-up token counts against the address too, and so do unknown paths.
        anonymous("203.0.113.7").auth().oauth2("not.a.token").get("/me").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        anonymous("203.0.113.7").get("/no-such-path").then().statusCode(429);
        // So does the first request of a real token, which has not been verified yet.
        as("police.editor", "203.0.113.7").get("/me").then().statusCode(429);
        // Another address is not affected, and a bad token there is still the operation's 401 problem.
        anonymous("203.0.113.8").auth().oauth2("not.a.token").get("/me").then().statusCode(401)
                .contentType("application/problem+json").header("RateLimit", startsWith("\"default\";r=4;"));
        // Once verified (from another address), the token is the user's own bucket, wherever it comes from.
        as("police.editor", "203.0.113.8").get("/me").then().statusCode(200);
        as("police.editor", "203.0.113.7").get("/me").then().statusCode(200)
                .header("RateLimit", startsWith("\"default\";r=4;"));
    }

    @Test
    void healthIsNeverLimited() {
        for (int i = 0; i < 20; i++) {
            anonymous("203.0.113.9").get("/q/health/live").then().statusCode(200).header("RateLimit", nullValue());
        }
        anonymous("203.0.113.9").get("/q/health/ready").then().statusCode(200).header("RateLimit", nullValue());
        anonymous("203.0.113.9").get("/q/health").then().statusCode(200).header("RateLimit", nullValue());
        // While the same address is limited elsewhere.
        int refused = 0;
        for (int i = 0; i < 7; i++) {
            refused += anonymous("203.0.113.9").get("/me").statusCode() == 429 ? 1 : 0;
        }
        assertEquals(2, refused);
        anonymous("203.0.113.9").get("/q/health/live").then().statusCode(200);
    }
}
