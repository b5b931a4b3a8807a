package org.estatehub.funding;

import static org.estatehub.testing.FundingFixtures.award;
import static org.estatehub.testing.FundingFixtures.claim;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.estatehub.common.idempotency.Idempotency;
import org.estatehub.testing.Api;
import org.estatehub.testing.Keycloak;
import org.estatehub.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A partner system that retries a claim or payment never claims or pays twice. */
@QuarkusTest
class IdempotencyTest {

    /** estatehub.idempotency.retention's default. */
    static final Duration RETENTION = Duration.ofHours(24);

    @Inject
    Idempotency idempotency;

    @Inject
    Scheduler scheduler;

    @Inject
    DataSource database;

    @AfterEach
    void releaseTheClock() {
        TestClock.release();
    }

    @Test
    void aRetriedClaimReturnsTheFirstAnswer() {
        String award = award("OPE", "maidstone", "1000.00", "Survey");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = claim("IDEM-1", "250.00", "Survey");

        Response first = Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET).header("Idempotency-Key", key)
                .body(body).post("/awards/" + award + "/claims");
        first.then().statusCode(201);
        Response retry = Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET).header("Idempotency-Key", key)
                .body(body).post("/awards/" + award + "/claims");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.path("id").toString(), retry.path("id").toString());
        Api.as("maidstone.editor").get("/awards/" + award + "/claims").then().body("total", equalTo(1));

        Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET).header("Idempotency-Key", key)
                .body(claim("IDEM-2", "1.00", "Survey")).post("/awards/" + award + "/claims")
                .then().statusCode(422).contentType("application/problem+json");
        Api.as("maidstone.editor").get("/awards/" + award + "/claims").then().body("total", equalTo(1));

        // Without a key, a second identical request is a second request (and here a duplicate invoice).
        Api.as("maidstone.editor").body(body).post("/awards/" + award + "/claims").then().statusCode(409);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOnePayment() throws Exception {
        String award = award("BLRF", "dover", "1000.00", "Remediation");
        String key = UUID.randomUUID().toString();
        String token = Keycloak.userToken("pmo.admin");
        Map<String, Object> body = Map.of("amount", Map.of("amount", "100.00", "currency", "GBP"),
                "paidOn", LocalDate.now().toString(), "reference", "IDEM-PAY-1");
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> Api.anonymous().auth().oauth2(token).contentType("application/json")
                    .header("Idempotency-Key", key).body(body).post("/awards/" + award + "/payments")
                    .then().statusCode(201).extract().path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        Set<String> ids = new HashSet<>();
        try {
            for (Future<String> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ids.size(), "every retry got the same payment");
        Api.as("pmo.admin").get("/awards/" + award).then().body("released.amount", equalTo("100.00"));
        Api.as("pmo.admin").get("/awards/" + award + "/payments").then().body("total", equalTo(1));
    }

    @Test
    void keysAreScopedToTheCallersPartner() {
        String award = award("OPE", "maidstone", "1000.00", "Survey");
        String key = "shared-" + UUID.randomUUID();
        Api.as("maidstone.editor").header("Idempotency-Key", key).body(claim("SCOPE-1", "10.00", "Survey"))
                .post("/awards/" + award + "/claims").then().statusCode(201);
        // The PMO (KCC) using the same key value is a different request, not a replay of Maidstone's.
        Api.as("pmo.admin").header("Idempotency-Key", key).body(claim("SCOPE-2", "10.00", "Survey"))
                .post("/awards/" + award + "/claims").then().statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        Api.badRequestAs("pmo.admin").contentType("application/json").header("Idempotency-Key", "bad key with spaces")
                .body(claim("SCOPE-3", "10.00", "Survey")).post("/awards/" + award + "/claims").then().statusCode(400);
    }

    @Test
    void aKeyCountsForTheRetentionAndIsFreeAfterIt() {
        String award = award("OPE", "maidstone", "1000.00", "Survey");
        String key = UUID.randomUUID().toString();
        // Well in the past, so that nothing else's records fall between this test's cut-offs.
        Instant first = Instant.now().minus(Duration.ofDays(3));
        TestClock.fixAt(first);
        String firstId = claimWithKey(award, key, claim("EXP-1", "10.00", "Survey")).then().statusCode(201)
                .extract().path("id").toString();

        TestClock.fixAt(first.plus(RETENTION).minusSeconds(1));
        Response retry = claimWithKey(award, key, claim("EXP-1", "10.00", "Survey"));
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(firstId, retry.path("id").toString());
        claimWithKey(award, key, claim("EXP-2", "20.00", "Survey")).then().statusCode(422);

        TestClock.fixAt(first.plus(RETENTION));
        // Not replayed any more: the same request runs again, and the duplicate invoice is refused.
        claimWithKey(award, key, claim("EXP-1", "10.00", "Survey")).then().statusCode(409)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        // Nor does the expired record block another request with the key, which then counts afresh.
        Response reused = claimWithKey(award, key, claim("EXP-2", "20.00", "Survey"));
        reused.then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        String secondId = reused.path("id").toString();
        assertNotEquals(firstId, secondId);
        Response again = claimWithKey(award, key, claim("EXP-2", "20.00", "Survey"));
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(secondId, again.path("id").toString());
        Api.as("maidstone.editor").get("/awards/" + award + "/claims").then().body("total", equalTo(2));
    }

    @Test
    void theScheduledCleanUpDeletesExpiredRecordsOnly() throws SQLException {
        assertNotNull(scheduler.getScheduledJob("idempotency-cleanup"), "the clean-up is scheduled");
        String award = award("OPE", "maidstone", "1000.00", "Survey");
        String expiring = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        Instant first = Instant.now().minus(Duration.ofDays(10));
        TestClock.fixAt(first);
        claimWithKey(award, expiring, claim("CLEAN-1", "10.00", "Survey")).then().statusCode(201);
        TestClock.fixAt(first.plus(RETENTION).minusSeconds(1));
        claimWithKey(award, live, claim("CLEAN-2", "10.00", "Survey")).then().statusCode(201);
        assertEquals(1, records(expiring));

        TestClock.fixAt(first.plus(RETENTION));
        idempotency.deleteExpired();
        assertEquals(0, records(expiring));
        assertEquals(1, records(live));
    }

    private static Response claimWithKey(String award, String key, Map<String, Object> body) {
        return Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET).header("Idempotency-Key", key)
                .body(body).post("/awards/" + award + "/claims");
    }

    private int records(String key) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from idempotency_record where idempotency_key = ?")) {
            count.setString(1, key);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
