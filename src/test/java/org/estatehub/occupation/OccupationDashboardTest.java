package org.estatehub.occupation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.ProjectFixtures;
import org.estatehub.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * GET /dashboards/occupations with real tokens on a known layout in Clackmannanshire (where no other test
 * registers anything), today fixed at 15 May 2091: exact space, vacancy, quarters and money, and each part
 * under its own read rule for the programme office and three partners.
 */
@QuarkusTest
class OccupationDashboardTest {

    private static final String CLACKS = "S12000005";

    @AfterEach
    void releaseClock() {
        TestClock.release();
    }

    private static String asset(String owner, String visibility, double gia, int desks) {
        return AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Dashboard " + AssetFixtures.token(), 56.11, -3.79), "ownerPartnerId", owner,
                "visibility", visibility, "localAuthority", CLACKS, "grossInternalAreaM2", gia,
                "sharedWorkspaceDesks", desks));
    }

    private static void occupation(String asset, Object... kv) {
        Map<String, Object> o = new HashMap<>();
        o.put("startsOn", "2090-01-01");
        for (int i = 0; i < kv.length; i += 2) {
            o.put((String) kv[i], kv[i + 1]);
        }
        Api.as("pmo.admin").body(o).post("/assets/" + asset + "/occupations").then().statusCode(201);
    }

    private static Map<String, String> gbp(String amount) {
        return Map.of("amount", amount, "currency", "GBP");
    }

    @Test
    void spaceVacancyQuartersAndSavingsExactlyUnderEachPartsReadRule() throws Exception {
        TestClock.fixAt(Instant.parse("2091-05-15T12:00:00Z"));
        String p1 = ProjectFixtures.createId("maidstone.editor", ProjectFixtures.with(
                ProjectFixtures.project("Clacks move " + AssetFixtures.token(), "dover"),
                "outcomes", Map.of("runningCostSavings", Map.of("actual", gbp("20000.00")))));
        String p2 = ProjectFixtures.createId("maidstone.editor", ProjectFixtures.project("Clacks hub " + AssetFixtures.token()));
        String shared = asset("maidstone", "PARTNERSHIP", 1000.00, 50);
        String hidden = asset("dover", "OWNER_ONLY", 400.50, 0);
        occupation(shared, "occupierPartnerId", "kent-police", "basis", "MOTO", "areaM2", 300.25, "desks", 20,
                "endsOn", "2092-03-31", "breakOn", "2091-09-30", "yearlyRent", gbp("10000.00"),
                "yearlyServiceCharge", gbp("1500.50"));
        // 1,100.25 m² and 60 desks on 1,000 m² and 50 desks: vacancy 0, never negative.
        occupation(shared, "occupierName", "Acme Ltd", "basis", "LEASE", "areaM2", 800.00, "desks", 40);
        occupation(shared, "occupierPartnerId", "dover", "basis", "LICENCE", "areaM2", 50, "endsOn", "2091-03-31",
                "yearlyRent", gbp("12345.67"), "yearlyServiceCharge", gbp("1000.01"), "projectId", p1);
        occupation(shared, "occupierPartnerId", "maidstone", "basis", "OWNER_OCCUPIED", "areaM2", 10, "endsOn", "2091-01-31",
                "yearlyServiceCharge", gbp("700.00"), "projectId", p2);
        occupation(hidden, "occupierPartnerId", "nhs-kent-medway", "basis", "MOTO", "areaM2", 100.10,
                "startsOn", "2090-06-01", "endsOn", "2091-06-30", "yearlyRent", gbp("5000.00"));
        occupation(hidden, "occupierPartnerId", "kent-police", "basis", "LEASE", "areaM2", 20, "endsOn", "2090-12-31",
                "yearlyRent", gbp("2000.00"), "yearlyServiceCharge", gbp("250.25"), "projectId", p1);

        JsonPath pmo = dashboard("pmo.admin");
        assertEquals("2091-05-15", pmo.getString("asOf"));
        assertEquals(List.of("kent-police|MOTO|1|300.25|20", "nhs-kent-medway|MOTO|1|100.1|0", "null|LEASE|1|800.0|40"),
                space(pmo));
        assertEquals(Map.of("assetsWithFloorArea", 2, "grossInternalAreaM2", 1400.5f, "occupiedAreaM2", 1100.1f,
                "vacantAreaM2", 300.4f, "assetsWithDesks", 1, "desks", 50, "occupiedDesks", 50, "vacantDesks", 0),
                pmo.getMap("vacancy"));
        assertEquals(List.of("2091-Q2|1|0", "2091-Q3|0|1", "2091-Q4|0|0", "2092-Q1|1|0", "2092-Q2|0|0", "2092-Q3|0|0",
                "2092-Q4|0|0", "2093-Q1|0|0"), quarters(pmo));
        assertEquals("2091-04-01", pmo.getString("leaseEventsAhead[0].startsOn"));
        assertEquals("2093-03-31", pmo.getString("leaseEventsAhead[7].endsOn"));
        // P1: 12,345.67 + 2,000.00 rent, 1,000.01 + 250.25 service charge; P2: 700.00 service charge.
        assertEquals("3|14345.67|1950.26|16295.93", savings(pmo));
        assertEquals(List.of(projectLine(p1, "2|14345.67|1250.26|15595.93|20000.00"), projectLine(p2, "1|0.00|700.00|700.00|null"))
                .stream().sorted().toList(), projects(pmo));

        // Maidstone: owns the shared asset; sees its occupations in full, not the hidden asset's.
        JsonPath maidstone = dashboard("maidstone.editor");
        assertEquals(List.of("kent-police|MOTO|1|300.25|20", "null|LEASE|1|800.0|40"), space(maidstone));
        assertEquals(1, maidstone.getInt("vacancy.assetsWithFloorArea"));
        assertEquals(0.0f, maidstone.getFloat("vacancy.vacantAreaM2"));
        assertEquals(List.of("2091-Q2|0|0", "2091-Q3|0|1"), quarters(maidstone).subList(0, 2));
        assertEquals("2|12345.67|1700.01|14045.68", savings(maidstone));
        assertEquals(List.of(projectLine(p1, "1|12345.67|1000.01|13345.68|20000.00"), projectLine(p2, "1|0.00|700.00|700.00|null"))
                .stream().sorted().toList(), projects(maidstone));

        // Dover: owns the hidden asset (its vacancy counted), reads the shared asset's occupations (its ended
        // licence in full as the occupier, Maidstone's own not), and P1's details as a participant.
        JsonPath dover = dashboard("dover.editor");
        assertEquals(List.of("kent-police|MOTO|1|300.25|20", "nhs-kent-medway|MOTO|1|100.1|0", "null|LEASE|1|800.0|40"),
                space(dover));
        assertEquals(300.4f, dover.getFloat("vacancy.vacantAreaM2"));
        assertEquals("2|14345.67|1250.26|15595.93", savings(dover));
        assertEquals(List.of(projectLine(p1, "2|14345.67|1250.26|15595.93|20000.00")), projects(dover));

        // Kent Police: occupies both; reads the hidden asset's occupation of its own only, and P1 without details.
        JsonPath police = dashboard("police.editor");
        assertEquals(List.of("kent-police|MOTO|1|300.25|20", "null|LEASE|1|800.0|40"), space(police));
        assertEquals(1, police.getInt("vacancy.assetsWithFloorArea"), "the OWNER_ONLY asset is not the police's");
        assertEquals(List.of("2091-Q2|0|0"), quarters(police).subList(0, 1), "NHS's end on a hidden asset");
        assertEquals("1|2000.00|250.25|2250.25", savings(police));
        assertEquals(List.of(projectLine(p1, "1|2000.00|250.25|2250.25|null")), projects(police));
        assertFalse(police.prettify().contains("12345.67"), "another occupier's rent");

        // The quarter's return: the partnership's figures as of its last day, to the overseers only (rents).
        String preview = "/monitoring-returns/preview?period=2091-Q2";
        JsonPath ret = Api.as("board.member").get(preview).then().statusCode(200).extract().jsonPath();
        assertEquals("2091-06-30", ret.getString("occupations.asOf"));
        String p1Row = "occupations.savingsRealised.byProject.find { it.projectId == '" + p1 + "' }";
        assertEquals("15595.93", ret.getString(p1Row + ".yearlyCost.amount"));
        assertEquals("20000.00", ret.getString(p1Row + ".runningCostSavingsActual.amount"));
        for (String partner : List.of("dover.editor", "police.editor", "maidstone.editor")) {
            JsonPath theirs = Api.as(partner).get(preview).then().statusCode(200).extract().jsonPath();
            assertNull(theirs.get("occupations"), partner + " reads the return's occupations");
        }
        String csv = Api.as("s151.officer").accept("text/csv").get(preview).then().statusCode(200).extract().asString();
        var records = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv)).getRecords();
        var row = records.stream().filter(r -> "SAVINGS REALISED".equals(r.get("Project"))
                && p1.equals(r.get("Savings project id"))).findFirst().orElseThrow();
        assertEquals("15595.93", row.get("Yearly cost ended (GBP)"));
        assertEquals("2", row.get("Occupations"));
        String dovers = Api.as("dover.editor").accept("text/csv").get(preview).then().statusCode(200).extract().asString();
        assertFalse(dovers.contains("SAVINGS REALISED"), "the CSV gives a partner the occupations section");

        // NHS: its own occupation only; no savings.
        JsonPath nhs = dashboard("nhs.editor");
        assertEquals("0|0.00|0.00|0.00", savings(nhs));
        assertNull(nhs.get("savingsRealised.byProject[0]"));
    }

    private static JsonPath dashboard(String user) {
        return Api.as(user).get("/dashboards/occupations?localAuthority=" + CLACKS).then().statusCode(200).extract()
                .jsonPath();
    }

    private static List<String> space(JsonPath d) {
        List<Map<String, Object>> rows = d.getList("spaceByPartner");
        return rows.stream().map(r -> r.get("occupierPartnerId") + "|" + r.get("basis") + "|" + r.get("occupations")
                + "|" + r.get("areaM2") + "|" + r.get("desks")).toList();
    }

    private static List<String> quarters(JsonPath d) {
        List<Map<String, Object>> rows = d.getList("leaseEventsAhead");
        return rows.stream().map(r -> r.get("quarter") + "|" + r.get("ends") + "|" + r.get("breaks")).toList();
    }

    private static String savings(JsonPath d) {
        return d.getInt("savingsRealised.occupationsEnded") + "|" + d.getString("savingsRealised.yearlyRent.amount")
                + "|" + d.getString("savingsRealised.yearlyServiceCharge.amount") + "|"
                + d.getString("savingsRealised.yearlyCost.amount");
    }

    private static String projectLine(String project, String figures) {
        return project + "|" + figures;
    }

    private static List<String> projects(JsonPath d) {
        List<Map<String, Object>> rows = d.getList("savingsRealised.byProject");
        return rows.stream().map(r -> r.get("projectId") + "|" + r.get("occupationsEnded") + "|"
                + amount(r.get("yearlyRent")) + "|" + amount(r.get("yearlyServiceCharge")) + "|" + amount(r.get("yearlyCost"))
                + "|" + amount(r.get("runningCostSavingsActual"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Object amount(Object money) {
        return money == null ? null : ((Map<String, Object>) money).get("amount");
    }
}
