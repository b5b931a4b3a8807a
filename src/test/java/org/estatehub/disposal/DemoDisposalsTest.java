package org.estatehub.disposal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The demo disposals and their interests, by asset reference and partner, with their ids. */
    private Map<String, String[]> ids(String sql) throws Exception {
        Map<String, String[]> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.put(r.getString(1), new String[] {r.getString(2), r.getString(3), r.getString(4)});
            }
        }
        return rows;
    }

    private static final String DEMO = "d.id = md5('demo-disposal:' || a.owner_partner_id || ':' || a.own_reference)::uuid";

    /**
     * Each demo disposal's history is what its steps through the API would have written: its declaration as
     * OFFERED, then one status change per step to the state loaded (two for a completion); each interest its
     * registration, and its settlement unless still REGISTERED. They are in the change feed too, under the
     * same confidentiality: Dover reads every disposal's events and none of the interests it has no part in.
     */
    @Test
    void everyDemoDisposalAndInterestHasTheHistoryItsStepsWouldHave() throws Exception {
        Map<String, List<String>> steps = Map.of("OFFERED", List.of("OFFERED"),
                "TRANSFER_AGREED", List.of("OFFERED", "TRANSFER_AGREED"), "ON_OPEN_MARKET", List.of("OFFERED", "ON_OPEN_MARKET"),
                "WITHDRAWN", List.of("OFFERED", "WITHDRAWN"), "TRANSFERRED", List.of("OFFERED", "TRANSFER_AGREED", "TRANSFERRED"),
                "SOLD", List.of("OFFERED", "ON_OPEN_MARKET", "SOLD"));
        Map<String, String[]> disposals = ids("select a.own_reference, cast(d.id as text), d.status, d.owner_partner_id"
                + " from disposal d join asset a on a.id = d.asset_id where " + DEMO);
        assertEquals(7, disposals.size());
        for (Map.Entry<String, String[]> e : disposals.entrySet()) {
            String id = e.getValue()[0];
            List<String> expected = steps.get(e.getValue()[1]);
            JsonPath history = Api.as("sevenoaks.editor").get("/disposals/" + id + "/history").then().statusCode(200)
                    .extract().jsonPath();
            List<String> actions = new java.util.ArrayList<>(List.of("CREATED"));
            expected.subList(1, expected.size()).forEach(x -> actions.add("STATUS_CHANGED"));
            assertEquals(actions, history.getList("items.action"), e.getKey());
            assertEquals("OFFERED", history.getString("items[0].changes.status.to"), e.getKey() + ": declared as");
            for (int k = 1; k < expected.size(); k++) {
                assertEquals(expected.get(k - 1), history.getString("items[" + k + "].changes.status.from"), e.getKey());
                assertEquals(expected.get(k), history.getString("items[" + k + "].changes.status.to"), e.getKey());
            }
            assertEquals(List.of("demo-data"), history.getList("items.actor.username").stream().distinct().toList(), e.getKey());
        }
        Map<String, String[]> interests = ids("select a.own_reference || ':' || i.partner_id, cast(i.id as text), i.status,"
                + " d.owner_partner_id from disposal_interest i join disposal d on d.id = i.disposal_id"
                + " join asset a on a.id = d.asset_id where " + DEMO);
        assertEquals(5, interests.size());
        for (Map.Entry<String, String[]> e : interests.entrySet()) {
            String disposal = disposals.get(e.getKey().substring(0, e.getKey().indexOf(':')))[0];
            JsonPath history = Api.as("pmo.admin").get("/disposals/" + disposal + "/interests/" + e.getValue()[0]
                    + "/history").then().statusCode(200).extract().jsonPath();
            boolean settled = !e.getValue()[1].equals("REGISTERED");
            assertEquals(settled ? List.of("CREATED", "STATUS_CHANGED") : List.of("CREATED"), history.getList("items.action"),
                    e.getKey());
            if (settled) {
                assertEquals(e.getValue()[1], history.getString("items[1].changes.status.to"), e.getKey());
            }
        }

        // The feed from just before the demo disposals' first event, as Dover reads it.
        String cursor;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select txid, id from audit_event
                 where (txid, id) < (select txid, id from audit_event
                                      where entity_type = 'DISPOSAL' and actor_username = 'demo-data'
                                      order by txid, id limit 1)
                 order by txid desc, id desc limit 1""")) {
            String position = r.next() ? "e1:" + r.getLong(1) + ":" + r.getLong(2) : "e1:0:0";
            cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(position.getBytes(StandardCharsets.US_ASCII));
        }
        String feed = Api.as("dover.editor").get("/events?limit=200&after=" + cursor).then().statusCode(200).extract()
                .asString();
        for (Map.Entry<String, String[]> e : disposals.entrySet()) {
            assertTrue(feed.contains(e.getValue()[0]), "the feed has " + e.getKey());
        }
        for (Map.Entry<String, String[]> e : interests.entrySet()) {
            boolean doversPart = e.getKey().endsWith(":dover") || e.getValue()[2].equals("dover");
            assertEquals(doversPart, feed.contains(e.getValue()[0]), "Dover reads the interest " + e.getKey());
        }
    }

    /**
     * The OFFERED sites are dated from the load date, so a demo loaded any day has their windows open: loaded
     * now, they are open; the script run as if loaded a year later (in a transaction rolled back, their rows
     * removed first) dates them a year later.
     */
    @Test
    void theOfferedSitesWindowsAreOpenWheneverTheDemoIsLoaded() throws Exception {
        for (String ref : List.of("maidstone:MBC-AS-004", "kent-police:KP-0902")) {
            String id = ids("select 'x', cast(md5('demo-disposal:" + ref + "')::uuid as text), '', ''").get("x")[0];
            Api.as("dover.editor").get("/disposals/" + id).then().statusCode(200).body("status", equalTo("OFFERED"))
                    .body("windowOpen", equalTo(true));
            Api.as("dover.editor").get("/disposals?windowOpen=true&limit=500").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.hasItem(id));
        }
        String script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/disposals.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        java.time.LocalDate later = java.time.LocalDate.now(org.estatehub.common.time.PartnershipCalendar.ZONE).plusYears(1);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                String offered = "select md5('demo-disposal:' || x)::uuid from unnest(array['maidstone:MBC-AS-004',"
                        + " 'kent-police:KP-0902']) x";
                s.execute("delete from disposal_interest where disposal_id in (" + offered + ")");
                s.execute("delete from disposal where id in (" + offered + ")");
                s.execute("select set_config('estatehub.demo_today', '" + later + "', true)");
                s.execute(script);
                try (ResultSet r = s.executeQuery("select d.declared_on, d.available_from,"
                        + " (select min(registered_on) from disposal_interest i where i.disposal_id = d.id)"
                        + " from disposal d where d.id in (" + offered + ") order by d.declared_on")) {
                    r.next();
                    assertEquals(later.minusDays(37), r.getDate(1).toLocalDate(), "Sheerness declared");
                    assertEquals(later.minusDays(37).plusDays(247), r.getDate(2).toLocalDate(), "Sheerness available");
                    assertEquals(later.minusDays(37).plusDays(10), r.getDate(3).toLocalDate(), "Swale's interest");
                    r.next();
                    assertEquals(later.minusDays(9), r.getDate(1).toLocalDate(), "Union Street declared");
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
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
