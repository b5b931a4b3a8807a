package org.estatehub.disposal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.estatehub.common.time.WorkingDays;
import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The demo surplus sites (demo/disposals.sql): every state, windows by working days, repeatable. */
@QuarkusTest
class DemoDisposalsTest {

    private static final String DOVER_SALE = "md5('demo-disposal:dover:DDC-0006')::uuid";

    @Inject
    DataSource dataSource;

    private Map<String, String> demo() throws Exception {
        Map<String, String> byAsset = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery("""
                select a.own_reference, d.status, a.visibility, d.declared_on, d.interest_closes_on,
                       d.interest_window_working_days
                  from disposal d join asset a on a.id = d.asset_id
                 where d.id = md5('demo-disposal:' || a.owner_partner_id || ':' || a.own_reference)::uuid""")) {
            while (rows.next()) {
                byAsset.put(rows.getString(1), rows.getString(2) + " " + rows.getString(3));
                assertEquals(WorkingDays.after(rows.getDate(4).toLocalDate(), rows.getInt(6)),
                        rows.getDate(5).toLocalDate(), rows.getString(1) + ": the window's closing day");
            }
        }
        return byAsset;
    }

    @Test
    void sevenSitesInEveryStateOneOfThemOwnerOnly() throws Exception {
        assertEquals(Map.of("MBC-AS-004", "OFFERED PARTNERSHIP", "KP-0902", "OFFERED OWNER_ONLY",
                "TMBC-0003", "TRANSFER_AGREED PARTNERSHIP", "FHDC-0002", "ON_OPEN_MARKET PARTNERSHIP",
                "DDC-0006", "SOLD PARTNERSHIP", "DDC-0002", "TRANSFERRED PARTNERSHIP", "DDC-0005", "WITHDRAWN PARTNERSHIP"),
                demo());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                "select partner_id from disposal_interest where disposal_id = md5('demo-disposal:kent-police:KP-0902')::uuid"
                        + " order by partner_id")) {
            List<String> partners = new java.util.ArrayList<>();
            while (rows.next()) {
                partners.add(rows.getString(1));
            }
            assertEquals(List.of("kcc", "swale"), partners, "interests from two partners");
        }
    }

    @Test
    void theDoverSaleShowsItsReceiptAndHomesOverTwoYears() throws Exception {
        String id;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select " + DOVER_SALE)) {
            rows.next();
            id = rows.getString(1);
        }
        Api.as("police.viewer").get("/disposals/" + id + "/homes-delivered").then().statusCode(200)
                .body("homesPlanned", equalTo(120)).body("years.financialYear", equalTo(List.of("2023-24", "2024-25")))
                .body("totals.homesStarted", equalTo(100)).body("totals.homesCompleted", equalTo(61));
        JsonPath dashboard = Api.as("police.viewer").get("/dashboards/land-release?localAuthority=E07000108").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("1850000.00", dashboard.getString(
                "byYearAndPartner.find { it.financialYear == '2022-23' && it.partnerId == 'dover' }.capitalReceipts.amount"));
        assertEquals("2.3000", dashboard.getString(
                "byYearAndPartner.find { it.financialYear == '2020-21' && it.partnerId == 'kcc' }.hectaresReleased"));
    }

    /**
     * The Whitfield hub is funded, so it has a row in the return; the KCC transfer naming it is in that row's
     * disposalOutcomes for its participants (Kent Police) and the overseers, never for another partner.
     */
    @Test
    void aReturnRowsDisposalOutcomesAreForTheProjectsParticipantsOnly() {
        String row = "projects.find { it.projectName == 'Whitfield Public Sector Office Hub' }";
        for (String user : List.of("police.viewer", "board.member", "s151.officer", "dover.editor")) {
            JsonPath json = Api.as(user).get("/monitoring-returns/preview?period=2026-Q3").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("2.3000", json.getString(row + ".disposalOutcomes.landReleasedHectares"), user);
        }
        JsonPath other = Api.as("maidstone.editor").get("/monitoring-returns/preview?period=2026-Q3").then()
                .statusCode(200).extract().jsonPath();
        assertNull(other.get(row + ".disposalOutcomes"), "maidstone takes no part");
        assertEquals("Whitfield Public Sector Office Hub", other.getString(row + ".projectName"));
        // The land release section itself is public.
        assertEquals("2.3000", other.getString(
                "landRelease.byYearAndPartner.find { it.financialYear == '2020-21' && it.partnerId == 'kcc' }.hectaresReleased"));
    }

    @Test
    void loadingTheScriptAgainAddsNothing() throws Exception {
        String script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/disposals.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long before = count(s);
            s.execute(script);
            assertEquals(before, count(s));
        }
    }

    private static long count(Statement s) throws Exception {
        try (ResultSet rows = s.executeQuery("select (select count(*) from disposal) + (select count(*) from"
                + " disposal_interest) + (select count(*) from disposal_homes_delivery)")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
