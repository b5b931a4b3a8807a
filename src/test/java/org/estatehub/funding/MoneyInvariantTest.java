package org.estatehub.funding;

import static org.estatehub.testing.FundingFixtures.award;
import static org.estatehub.testing.FundingFixtures.claim;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.estatehub.testing.Api;
import org.estatehub.testing.Keycloak;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Released never exceeds awarded, even when the PMO's approvals race each other. */
@QuarkusTest
class MoneyInvariantTest {

    private static List<Integer> parallel(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Integer>> futures = pool.invokeAll(calls);
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelApprovalsOfDifferentClaimsNeverOverRelease() throws Exception {
        String award = award("OPE", "maidstone", "100.00", "Survey");
        List<String> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(Api.as("maidstone.editor").body(claim("RACE-" + i, "30.00", "Survey"))
                    .post("/awards/" + award + "/claims").then().statusCode(201).extract().path("id"));
        }
        String token = Keycloak.userToken("pmo.admin");
        List<Callable<Integer>> approvals = new ArrayList<>();
        for (String claim : claims) {
            approvals.add(() -> Api.anonymous().auth().oauth2(token).header("If-Match", "\"0\"")
                    .post("/claims/" + claim + "/approval").then().extract().statusCode());
        }
        List<Integer> statuses = parallel(approvals);
        assertEquals(3, statuses.stream().filter(s -> s == 200).count(), "three claims of 30 fit in 100: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), "only 200 or 409: " + statuses);
        Api.as("pmo.admin").get("/awards/" + award).then().body("released.amount", equalTo("90.00"))
                .body("balance.amount", equalTo("10.00"));
        assertEquals(3, Api.as("pmo.admin").get("/awards/" + award + "/claims?limit=50").then().extract().jsonPath()
                .getList("items.findAll { it.status == 'APPROVED' }").size());
    }

    @Test
    void parallelApprovalsOfTheSameClaimReleaseOnce() throws Exception {
        String award = award("OPE", "maidstone", "100.00", "Survey");
        String claim = Api.as("maidstone.editor").body(claim("ONCE-1", "40.00", "Survey"))
                .post("/awards/" + award + "/claims").then().statusCode(201).extract().path("id");
        String token = Keycloak.userToken("pmo.admin");
        List<Callable<Integer>> approvals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            approvals.add(() -> Api.anonymous().auth().oauth2(token).header("If-Match", "\"0\"")
                    .post("/claims/" + claim + "/approval").then().extract().statusCode());
        }
        List<Integer> statuses = parallel(approvals);
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one approval wins: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409 || s == 412), "no 5xx: " + statuses);
        Api.as("pmo.admin").get("/awards/" + award).then().body("released.amount", equalTo("40.00"));
    }

    @Test
    void parallelPaymentsNeverOverPay() throws Exception {
        String award = award("LRF", "maidstone", "1000.00", "Demolition");
        String token = Keycloak.userToken("pmo.admin");
        List<Callable<Integer>> payments = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String reference = "PAY-RACE-" + i;
            payments.add(() -> Api.anonymous().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("amount", Map.of("amount", "300.00", "currency", "GBP"),
                            "paidOn", java.time.LocalDate.now().toString(), "reference", reference))
                    .post("/awards/" + award + "/payments").then().extract().statusCode());
        }
        List<Integer> statuses = parallel(payments);
        assertEquals(3, statuses.stream().filter(s -> s == 201).count(), "three payments of 300 fit in 1000: " + statuses);
        Api.as("pmo.admin").get("/awards/" + award).then().body("released.amount", equalTo("900.00"));
    }
}
