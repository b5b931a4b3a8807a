package org.estatehub.disposal;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.DisposalFixtures;
import org.estatehub.testing.ProjectFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What completed disposals delivered, in a project's outcomes (beside the entered ones, never added into
 * them), in the quarter's return (preview, stored snapshot, CSV) and on the land release dashboard, by
 * financial year and disposing partner, money exact to the penny and hectares to four places.
 */
@QuarkusTest
class LandReleaseTest {

    /** Argyll and Bute: outside the partnership, where no other test registers anything. */
    private static final String ARGYLL = "S12000035";

    @Inject
    DataSource dataSource;

    private static void homes(UUID disposal, String year, int permitted, int started, int completed) {
        Api.as("pmo.admin").body(Map.of("homesPermitted", permitted, "homesStarted", started, "homesCompleted", completed))
                .put("/disposals/" + disposal + "/homes-delivered/" + year).then().statusCode(201);
    }

    @Test
    void aProjectsOutcomesShowItsCompletedDisposalsBesideTheEnteredFigures() {
        String project = ProjectFixtures.createId("pmo.admin", ProjectFixtures.with(
                ProjectFixtures.project("Disposal outcomes " + AssetFixtures.token()), "leadPartnerId", "maidstone",
                "outcomes", Map.of("homes", Map.of("target", 200, "actual", 5),
                        "capitalReceipts", Map.of("actual", Map.of("amount", "100000.10", "currency", "GBP")),
                        "landReleased", Map.of("actual", "0.50"))));
        UUID sale = DisposalFixtures.insert(dataSource, DisposalFixtures.of(DisposalFixtures.asset("maidstone", "E07000110"),
                "maidstone", "SOLD").completed(LocalDate.of(2024, 6, 28), "1250000.55", "1.2345", 80).project(project));
        UUID transfer = DisposalFixtures.insert(dataSource, DisposalFixtures.of(DisposalFixtures.asset("maidstone",
                "E07000110"), "dover", "TRANSFERRED").receiver("maidstone")
                .completed(LocalDate.of(2025, 1, 15), null, "0.7655", 20).project(project));
        // Live disposals naming the project have delivered nothing yet.
        DisposalFixtures.insert(dataSource, DisposalFixtures.of(DisposalFixtures.asset("maidstone", "E07000110"),
                "maidstone", "ON_OPEN_MARKET").project(project));
        homes(sale, "2024-25", 80, 30, 7);
        homes(transfer, "2025-26", 20, 20, 3);

        JsonPath read = Api.as("maidstone.editor").get("/projects/" + project).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(sale.toString(), transfer.toString()), read.getList("disposalOutcomes.disposalIds"));
        assertEquals("1250000.55", read.getString("disposalOutcomes.capitalReceipts.amount"));
        assertEquals("2.0000", read.getString("disposalOutcomes.landReleasedHectares"));
        assertEquals(100, read.getInt("disposalOutcomes.homesPlanned"));
        assertEquals(10, read.getInt("disposalOutcomes.homesDelivered"));
        assertEquals("1350000.65", read.getString("disposalOutcomes.withEntered.capitalReceipts.amount"));
        assertEquals("2.5000", read.getString("disposalOutcomes.withEntered.landReleasedHectares"));
        assertEquals(15, read.getInt("disposalOutcomes.withEntered.homes"));
        // The entered outcomes stay as entered: nothing is counted twice.
        assertEquals("100000.10", read.getString("outcomes.capitalReceipts.actual.amount"));
        assertEquals("0.50", read.getString("outcomes.landReleased.actual"));
        assertEquals(5, read.getInt("outcomes.homes.actual"));

        // Outcomes are project details: the overseers read them, another partner not even the project.
        Api.as("board.member").get("/projects/" + project).then().statusCode(200)
                .body("disposalOutcomes.capitalReceipts.amount", equalTo("1250000.55"));
        Api.as("dover.editor").get("/projects/" + project).then().statusCode(403);

        String without = ProjectFixtures.createId("pmo.admin", ProjectFixtures.with(
                ProjectFixtures.project("No disposals " + AssetFixtures.token()), "leadPartnerId", "maidstone"));
        assertNull(Api.as("maidstone.editor").get("/projects/" + without).then().statusCode(200).extract().jsonPath()
                .get("disposalOutcomes"));
    }

    @Test
    void theDashboardAndTheReturnShowWhatDisposalsReleasedByYearAndPartner() throws Exception {
        String partner = "lr-" + AssetFixtures.token();
        Api.as("pmo.admin").body(Map.of("id", partner, "name", "Land release " + partner, "type", "OTHER"))
                .post("/partners").then().statusCode(201);
        UUID a = DisposalFixtures.insert(dataSource, DisposalFixtures.of(DisposalFixtures.asset(partner, ARGYLL), partner,
                "SOLD").completed(LocalDate.of(2024, 6, 28), "1250000.55", "1.2345", 80));
        DisposalFixtures.insert(dataSource, DisposalFixtures.of(DisposalFixtures.asset(partner, ARGYLL), partner,
                "SOLD").completed(LocalDate.of(2025, 3, 31), "0.45", "0.0005", 0));
        UUID c = DisposalFixtures.insert(dataSource, DisposalFixtures.of(DisposalFixtures.asset(partner, ARGYLL), partner,
                "TRANSFERRED").receiver("maidstone").completed(LocalDate.of(2025, 4, 1), null, "2.0000", 30));
        DisposalFixtures.insert(dataSource, DisposalFixtures.of(DisposalFixtures.asset(partner, ARGYLL), partner, "OFFERED"));
        DisposalFixtures.insert(dataSource, DisposalFixtures.of(DisposalFixtures.asset(partner, ARGYLL), partner,
                "TRANSFER_AGREED").receiver("dover"));
        DisposalFixtures.insert(dataSource, DisposalFixtures.of(DisposalFixtures.asset(partner, ARGYLL), partner,
                "ON_OPEN_MARKET"));
        DisposalFixtures.insert(dataSource, DisposalFixtures.of(DisposalFixtures.asset(partner, ARGYLL), partner,
                "WITHDRAWN"));
        homes(a, "2024-25", 80, 30, 0);
        homes(a, "2025-26", 0, 50, 44);
        homes(c, "2025-26", 30, 0, 0);

        // Every partner reads the same figures, even one with no part in any of it.
        JsonPath dashboard = Api.as("police.viewer").get("/dashboards/land-release?localAuthority=" + ARGYLL).then()
                .statusCode(200).body("byYearAndPartner", hasSize(2)).extract().jsonPath();
        assertRow(dashboard, "byYearAndPartner[0]", "2024-25", partner, 2, "1.2350", "1250001.00", 80, 80, 30, 0);
        assertRow(dashboard, "byYearAndPartner[1]", "2025-26", partner, 1, "2.0000", "0.00", 30, 30, 50, 44);
        assertEquals(3, dashboard.getInt("totals.disposalsCompleted"));
        assertEquals("3.2350", dashboard.getString("totals.hectaresReleased"));
        assertEquals("1250001.00", dashboard.getString("totals.capitalReceipts.amount"));
        assertEquals(110, dashboard.getInt("totals.housingCapacity"));
        assertEquals(44, dashboard.getInt("totals.homesCompleted"));
        assertEquals(3, dashboard.getInt("live.total"));
        assertEquals(List.of("OFFERED", "TRANSFER_AGREED", "ON_OPEN_MARKET"), dashboard.getList("live.byStatus.key"));
        assertEquals(List.of(1, 1, 1), dashboard.getList("live.byStatus.count"));

        // Unfiltered, the partner's rows are the same among everyone else's.
        JsonPath all = Api.as("dover.editor").get("/dashboards/land-release").then().statusCode(200).extract().jsonPath();
        assertEquals(2, all.getList("byYearAndPartner.findAll { it.partnerId == '" + partner + "' }").size());
        assertEquals("1250001.00", all.getString("byYearAndPartner.find { it.partnerId == '" + partner
                + "' && it.financialYear == '2024-25' }.capitalReceipts.amount"));

        // The return for January to March 2025 counts what was completed by 31 March 2025, and the homes of
        // the financial years begun by then: 2024-25 only.
        JsonPath preview = Api.as("dover.editor").get("/monitoring-returns/preview?period=2025-Q1").then().statusCode(200)
                .extract().jsonPath();
        String mine = "landRelease.byYearAndPartner.findAll { it.partnerId == '" + partner + "' }";
        assertEquals(1, preview.getList(mine).size());
        assertEquals("2024-25", preview.getString(mine + "[0].financialYear"));
        assertEquals(2, preview.getInt(mine + "[0].disposalsCompleted"));
        assertEquals("1250001.00", preview.getString(mine + "[0].capitalReceipts.amount"));
        assertEquals(30, preview.getInt(mine + "[0].homesStarted"));
        assertEquals(0, preview.getInt(mine + "[0].homesCompleted"));

        String csv = Api.as("dover.editor").accept("text/csv").get("/monitoring-returns/preview?period=2025-Q1").then()
                .statusCode(200).extract().asString();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        CSVRecord row = records.stream().filter(r -> partner.equals(r.get("Disposing partner"))).findFirst().orElseThrow();
        assertEquals("LAND RELEASE", row.get("Project"));
        assertEquals("2024-25", row.get("Financial year"));
        assertEquals("2", row.get("Disposals completed"));
        assertEquals("1.2350", row.get("Hectares released by disposals"));
        assertEquals("1250001.00", row.get("Capital receipts from disposals (GBP)"));
        assertEquals("80", row.get("Housing capacity"));
        assertEquals("LAND RELEASE TOTAL", records.get(records.size() - 1).get("Project"));
        assertEquals(preview.getString("landRelease.totals.capitalReceipts.amount"),
                records.get(records.size() - 1).get("Capital receipts from disposals (GBP)"));
        assertTrue(records.stream().anyMatch(r -> r.get("Project").startsWith("TOTAL (")), "the projects' total row");
    }

    @Test
    void aStoredReturnKeepsTheFiguresItWasSubmittedWith() {
        String partner = "lrs-" + AssetFixtures.token();
        Api.as("pmo.admin").body(Map.of("id", partner, "name", "Stored " + partner, "type", "OTHER"))
                .post("/partners").then().statusCode(201);
        UUID sale = DisposalFixtures.insert(dataSource, DisposalFixtures.of(DisposalFixtures.asset(partner, "E07000110"),
                partner, "SOLD").declaredOn(LocalDate.of(2015, 11, 2))
                .completed(LocalDate.of(2016, 5, 2), "410000.01", "0.4000", 12));
        Api.as("pmo.admin").body(Map.of("period", "2016-Q2")).post("/monitoring-returns").then().statusCode(201);
        homes(sale, "2016-17", 12, 12, 0);

        String mine = "landRelease.byYearAndPartner.find { it.partnerId == '" + partner + "' }";
        JsonPath stored = Api.as("police.viewer").get("/monitoring-returns/2016-Q2").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("410000.01", stored.getString(mine + ".capitalReceipts.amount"));
        assertEquals(0, stored.getInt(mine + ".homesStarted"), "the snapshot holds the homes as they were");
        JsonPath preview = Api.as("police.viewer").get("/monitoring-returns/preview?period=2016-Q2").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(12, preview.getInt(mine + ".homesStarted"), "the live return has the homes recorded since");
    }

    private static void assertRow(JsonPath json, String path, String year, String partner, int disposals,
            String hectares, String receipts, long capacity, long permitted, long started, long completed) {
        assertEquals(year, json.getString(path + ".financialYear"), path);
        assertEquals(partner, json.getString(path + ".partnerId"), path);
        assertEquals(disposals, json.getInt(path + ".disposalsCompleted"), path);
        assertEquals(hectares, json.getString(path + ".hectaresReleased"), path);
        assertEquals(receipts, json.getString(path + ".capitalReceipts.amount"), path);
        assertEquals("GBP", json.getString(path + ".capitalReceipts.currency"), path);
        assertEquals(capacity, json.getLong(path + ".housingCapacity"), path);
        assertEquals(permitted, json.getLong(path + ".homesPermitted"), path);
        assertEquals(started, json.getLong(path + ".homesStarted"), path);
        assertEquals(completed, json.getLong(path + ".homesCompleted"), path);
    }
}
