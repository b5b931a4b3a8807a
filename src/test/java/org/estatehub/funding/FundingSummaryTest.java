package org.estatehub.funding;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The demo funding reproduces the Kent report (May 2023) to the penny. Runs first, before other tests
 * add rounds of their own; the round-level checks hold whatever runs before.
 */
@QuarkusTest
@Order(1)
class FundingSummaryTest {

    private static final List<String> OPE_ROUNDS = List.of("OPE Phase 4", "OPE Phase 5", "OPE Phase 6", "OPE Phase 7");
    private static final List<String> LRF_ROUNDS = List.of("LRF 2017/18", "LRF 2018/19");
    private static final List<String> BLRF_ROUNDS = List.of("BLRF 2020/21", "BLRF2 Round 1 (2022)");

    private static JsonPath summary() {
        return Api.as("police.viewer").get("/funding/summary").then().statusCode(200).extract().jsonPath();
    }

    private static BigDecimal sum(JsonPath s, List<String> rounds, String figure) {
        BigDecimal total = BigDecimal.ZERO;
        for (String round : rounds) {
            total = total.add(new BigDecimal(s.getString("rounds.find { it.name == '" + round + "' }.figures." + figure
                    + ".amount")));
        }
        return total;
    }

    private static int count(JsonPath s, List<String> rounds, String figure) {
        return rounds.stream().mapToInt(r -> s.getInt("rounds.find { it.name == '" + r + "' }.figures." + figure)).sum();
    }

    @Test
    void programmeTotalsMatchTheReport() {
        JsonPath s = summary();
        assertEquals("1319000.00", s.getString("programmes.find { it.programme == 'OPE' }.figures.awarded.amount"));
        assertEquals("871000.00", s.getString("programmes.find { it.programme == 'LRF' }.figures.awarded.amount"));
        assertEquals("5485000.00", s.getString("programmes.find { it.programme == 'BLRF' }.figures.awarded.amount"));
        assertEquals("10874000.00", s.getString("programmes.find { it.programme == 'BLRF' }.figures.awaitingDecision.amount"));
        assertEquals(10, s.getInt("programmes.find { it.programme == 'LRF' }.figures.successfulBids")
                + s.getInt("programmes.find { it.programme == 'BLRF' }.figures.successfulBids"));
    }

    @Test
    void roundTotalsMatchTheReport() {
        JsonPath s = summary();
        assertEquals(new BigDecimal("1319000.00"), sum(s, OPE_ROUNDS, "awarded"));
        assertEquals(new BigDecimal("871000.00"), sum(s, LRF_ROUNDS, "awarded"));
        assertEquals(new BigDecimal("5485000.00"), sum(s, BLRF_ROUNDS, "awarded"));
        assertEquals(10, count(s, LRF_ROUNDS, "successfulBids") + count(s, BLRF_ROUNDS, "successfulBids"));
        assertEquals(4, LRF_ROUNDS.size() + BLRF_ROUNDS.size());

        String pending = "rounds.find { it.name == 'BLRF2 Round 2 (2023)' }";
        assertEquals("10874000.00", s.getString(pending + ".figures.requested.amount"));
        assertEquals("10874000.00", s.getString(pending + ".figures.awaitingDecision.amount"));
        assertEquals("0.00", s.getString(pending + ".figures.awarded.amount"));
        assertEquals(11, s.getInt(pending + ".figures.lines"));
        assertEquals("CLOSED", s.getString(pending + ".status"));
        for (Map<String, Object> round : s.<Map<String, Object>>getList("rounds")) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> figures = (Map<String, Map<String, String>>) round.get("figures");
            BigDecimal awarded = new BigDecimal(figures.get("awarded").get("amount"));
            BigDecimal released = new BigDecimal(figures.get("released").get("amount"));
            assertEquals(true, released.compareTo(awarded) <= 0, "released within awarded in " + round.get("name"));
        }
    }

    @Test
    void theDartfordHealthAndWellnessLineOfThePhase4Bid() {
        String dartford = Api.as("police.viewer").get("/projects?q=Dartford Town Centre").then().statusCode(200)
                .extract().path("items[0].id");
        Api.as("police.viewer").get("/bids?projectId=" + dartford + "&programme=OPE").then().statusCode(200)
                .body("items[0].roundName", equalTo("OPE Phase 4"))
                .body("items[0].status", equalTo("DECIDED"))
                .body("items[0].signedOffBy", equalTo("s151.officer"))
                .body("items[0].lines.find { it.projectName == 'Dartford Town Centre' }.amountRequested.amount",
                        equalTo("50000.00"));
        Api.as("police.viewer").get("/bids?status=SUBMITTED&programme=BLRF").then().statusCode(200)
                .body("items.find { it.roundName == 'BLRF2 Round 2 (2023)' }.totalRequested.amount", equalTo("10874000.00"))
                .body("items.find { it.roundName == 'BLRF2 Round 2 (2023)' }.lines.size()", equalTo(11));
    }

    @Test
    void programmes() {
        Api.as("police.viewer").get("/programmes").then().statusCode(200)
                .body("items.find { it.code == 'OPE' }.paidVia", equalTo("ACCOUNTABLE_BODY"))
                .body("items.find { it.code == 'LRF' }.paidVia", equalTo("PROJECT_LEAD"));
    }
}
