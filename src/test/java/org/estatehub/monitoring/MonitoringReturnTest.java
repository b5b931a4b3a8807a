package org.estatehub.monitoring;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.estatehub.testing.Api;
import org.estatehub.testing.FundingFixtures;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The quarterly return over the demo data (runs right after FundingSummaryTest, before other tests add
 * money), its immutable snapshot, CSV, and the dashboards.
 */
@QuarkusTest
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringReturnTest {

    @Inject
    DataSource dataSource;

    private static String programmeFigure(JsonPath json, String path, String programme, String figure) {
        return json.getString(path + ".find { it.programme == '" + programme + "' }." + figure + ".amount");
    }

    @Test
    void returnTotalsMatchTheFundingSummary() {
        JsonPath preview = Api.as("board.member").get("/monitoring-returns/preview?period=2026-Q3").then()
                .statusCode(200).body("status", equalTo("PREVIEW")).body("periodStart", equalTo("2026-07-01"))
                .body("periodEnd", equalTo("2026-09-30")).extract().jsonPath();
        JsonPath summary = Api.as("board.member").get("/funding/summary").then().statusCode(200).extract().jsonPath();
        for (String programme : List.of("OPE", "LRF", "BLRF")) {
            assertEquals(programmeFigure(summary, "programmes", programme, "figures.awarded").toString(),
                    programmeFigure(preview, "totals.byProgramme", programme, "awarded"), programme + " awarded");
            assertEquals(programmeFigure(summary, "programmes", programme, "figures.released").toString(),
                    programmeFigure(preview, "totals.byProgramme", programme, "released"), programme + " released");
        }
        assertEquals(summary.getString("total.awarded.amount"), preview.getString("totals.awarded.amount"));
        assertEquals(summary.getString("total.released.amount"), preview.getString("totals.released.amount"));
        assertEquals("1319000.00", programmeFigure(preview, "totals.byProgramme", "OPE", "awarded"));
        assertEquals("7675000.00", preview.getString("totals.awarded.amount"));
        // Every funded project appears once; the pending BLRF2 round 2 projects have no award yet.
        assertEquals(24, preview.getInt("totals.projects"));
        BigDecimal rowSum = preview.getList("projects.awarded.amount", String.class).stream().map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("7675000.00"), rowSum);
        assertTrue(preview.getInt("projects.find { it.projectName == 'Dartford Town Centre' }.milestonesDue") >= 0);
    }

    /** Last: it adds an award, which moves the live totals the other tests check exactly. */
    @Test
    @Order(Integer.MAX_VALUE)
    void submittedReturnsAreImmutableSnapshots() throws SQLException {
        Api.as("maidstone.editor").body(Map.of("period", "2026-Q2")).post("/monitoring-returns").then().statusCode(403);
        JsonPath submitted = Api.as("pmo.admin").body(Map.of("period", "2026-Q2", "narrative", "Quarter two"))
                .post("/monitoring-returns").then().statusCode(201)
                .header("Location", containsString("/monitoring-returns/2026-Q2"))
                .body("status", equalTo("SUBMITTED")).body("submittedBy", equalTo("pmo.admin"))
                .extract().jsonPath();
        String awarded = submitted.getString("totals.awarded.amount");

        // Live data moves on: a new award. The stored return does not.
        FundingFixtures.award("LRF", "dover", "1234.56", "Survey");
        Api.as("police.viewer").get("/monitoring-returns/2026-Q2").then().statusCode(200)
                .body("totals.awarded.amount", equalTo(awarded))
                .body("narrative", equalTo("Quarter two"))
                .body("generatedAt", equalTo(submitted.getString("generatedAt")));
        Api.as("police.viewer").get("/monitoring-returns/preview?period=2026-Q2").then()
                .body("totals.awarded.amount", equalTo(new BigDecimal(awarded).add(new BigDecimal("1234.56")).toPlainString()));

        Api.as("pmo.admin").body(Map.of("period", "2026-Q2")).post("/monitoring-returns").then().statusCode(409);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("update monitoring_return set submitted_by = 'someone else' where period = '2026-Q2'"));
            assertTrue(update.getMessage().contains("immutable"), update.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from monitoring_return where period = '2026-Q2'"));
        }
        Api.as("police.viewer").get("/monitoring-returns").then().statusCode(200)
                .body("items.find { it.period == '2026-Q2' }.awarded.amount", equalTo(awarded));
    }

    @Test
    void csvHasOneRowPerProjectAndATotal() throws Exception {
        JsonPath json = Api.as("board.member").get("/monitoring-returns/preview?period=2026-Q3").then().extract().jsonPath();
        String csv = Api.as("board.member").accept("text/csv").get("/monitoring-returns/preview?period=2026-Q3").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        // After the projects and their total come the land release rows (by year and partner) and their total.
        int landRelease = json.getList("landRelease.byYearAndPartner").size() + 1;
        // Then, for an overseer, the occupations section: space rows, the vacancy, eight quarters, the
        // savings by project and their total.
        int occupations = json.getList("occupations.spaceByPartner").size() + 1 + 8
                + json.getList("occupations.savingsRealised.byProject").size() + 1;
        assertEquals(json.getInt("totals.projects") + 1 + landRelease + occupations, records.size());
        assertEquals("SAVINGS REALISED TOTAL", records.get(records.size() - 1).get("Project"));
        assertEquals(json.getString("occupations.savingsRealised.yearlyCost.amount"),
                records.get(records.size() - 1).get("Yearly cost ended (GBP)"));
        CSVRecord total = records.get(records.size() - 1 - landRelease - occupations);
        assertTrue(total.get("Project").startsWith("TOTAL"));
        assertEquals(json.getString("totals.awarded.amount"), total.get("Awarded (GBP)"));
        assertEquals(json.getString("totals.released.amount"), total.get("Released (GBP)"));
    }

    @Test
    void badPeriods() {
        Api.badRequestAs("pmo.admin").get("/monitoring-returns/preview?period=2026-Q5").then().statusCode(400);
        Api.badRequestAs("pmo.admin").get("/monitoring-returns/preview").then().statusCode(400);
        Api.as("pmo.admin").get("/monitoring-returns/2019-Q1").then().statusCode(404);
        Api.as("pmo.admin").body(Map.of("period", "2099-Q1")).post("/monitoring-returns").then().statusCode(400);
    }

    @Test
    void dashboards() {
        long projects = Api.as("dover.editor").get("/projects?limit=1").then().extract().jsonPath().getLong("total");
        Api.as("dover.editor").get("/dashboards/pipeline").then().statusCode(200)
                .body("total", equalTo((int) projects));
        int visibleToDover = Api.as("dover.editor").get("/dashboards/assets").then().statusCode(200)
                .extract().jsonPath().getInt("total.count");
        int visibleToPmo = Api.as("pmo.admin").get("/dashboards/assets").then().statusCode(200)
                .extract().jsonPath().getInt("total.count");
        assertTrue(visibleToPmo > visibleToDover, "owner-only assets of other partners are not counted for Dover");
        assertEquals(visibleToDover, Api.as("dover.editor").get("/assets?limit=1").then().extract().jsonPath().getInt("total"));
        Api.as("dover.editor").get("/dashboards/mou-coverage").then().statusCode(200)
                .body("byState.find { it.key == 'MISSING' }.count", equalTo(1))
                .body("byState.find { it.key == 'EXPIRED' }.count", equalTo(1))
                .body("byState.find { it.key == 'EXPIRING' }.count", equalTo(1))
                .body("byState.find { it.key == 'NOT_SIGNED' }.count", equalTo(1));
        Api.as("dover.editor").get("/dashboards/funding").then().statusCode(200)
                .body("programmes.find { it.programme == 'LRF' }.figures.awarded.amount", equalTo("871000.00"));
    }
}
