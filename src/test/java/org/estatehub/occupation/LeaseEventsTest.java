package org.estatehub.occupation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.estatehub.occupation.service.LeaseEventsFeed;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Lease events with real tokens (issue #19, item 3): ends and breaks within N months and under-used
 * occupations, listed under the occupation's read rules (the under-used list only to those reading the
 * occupation in full), and the change-feed event written once per occupation and date, again for a
 * changed date, seen only by the occupation's readers. Time is moved with TestClock into the 2090s, where
 * no other test's occupation has a date, so the figures of these occupations are exact.
 */
@QuarkusTest
class LeaseEventsTest {

    @Inject
    LeaseEventsFeed feed;

    @AfterEach
    void releaseClock() {
        TestClock.release();
    }

    private static void today(String date) {
        TestClock.fixAt(Instant.parse(date + "T12:00:00Z"));
    }

    private static String asset(String owner, String visibility) {
        return AssetFixtures.createId(owner, AssetFixtures.with(
                AssetFixtures.asset("Leased " + AssetFixtures.token(), 51.27, 0.52), "visibility", visibility,
                "utilisationPercent", 30));
    }

    private static Map<String, Object> occupation(String occupier, Object... kv) {
        Map<String, Object> o = new HashMap<>();
        o.put("occupierPartnerId", occupier);
        o.put("basis", "MOTO");
        o.put("areaM2", 120.5);
        o.put("yearlyRent", Map.of("amount", "27182.81", "currency", "GBP"));
        o.put("startsOn", "2089-01-01");
        for (int i = 0; i < kv.length; i += 2) {
            o.put((String) kv[i], kv[i + 1]);
        }
        return o;
    }

    private static Response create(String user, String asset, Map<String, Object> body) {
        Response r = Api.as(user).body(body).post("/assets/" + asset + "/occupations");
        r.then().statusCode(201);
        return r;
    }

    /** The items of a whole list (limit 500: the 2090s hold only this class's occupations). */
    private static List<Map<String, Object>> items(String user, String path) {
        Response r = Api.as(user).get(path + (path.contains("?") ? "&" : "?") + "limit=500");
        r.then().statusCode(200);
        return r.path("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(List<Map<String, Object>> items, String occupation, String kind) {
        return items.stream().filter(i -> occupation.equals(((Map<String, Object>) i.get("occupation")).get("id"))
                && (kind == null || kind.equals(i.get("kind")))).findFirst().orElse(null);
    }

    @Test
    void endsAndBreaksWithinMonthsUnderTheOccupationsReadRules() {
        today("2090-01-15");
        String shared = asset("maidstone.editor", "PARTNERSHIP");
        String hidden = asset("dover.editor", "OWNER_ONLY");
        String police = create("maidstone.editor", shared, occupation("kent-police", "endsOn", "2092-12-31",
                "breakOn", "2090-06-30")).path("id");
        String nhs = create("dover.editor", hidden, occupation("nhs-kent-medway", "endsOn", "2090-09-30")).path("id");
        // Ended yesterday and starting later: neither is ahead within range; the former is past.
        String past = create("dover.editor", hidden, occupation("nhs-kent-medway", "endsOn", "2090-01-14")).path("id");

        Response page = Api.as("pmo.admin").get("/occupations/lease-events?limit=500");
        page.then().statusCode(200).body("from", equalTo("2090-01-15")).body("to", equalTo("2091-01-15"));
        List<Map<String, Object>> pmo = page.path("items");
        assertEquals("2090-06-30", find(pmo, police, "BREAK").get("dueOn"));
        assertNull(find(pmo, police, "END"), "the end in 2092 is beyond 12 months");
        assertEquals("2090-09-30", find(pmo, nhs, "END").get("dueOn"));
        assertNull(find(pmo, past, null), "a date already past");
        // Soonest first.
        assertTrue(pmo.indexOf(find(pmo, police, "BREAK")) < pmo.indexOf(find(pmo, nhs, "END")));

        // Each partner: its own, its assets' and PARTNERSHIP assets' occupations (those without the terms).
        for (String user : List.of("maidstone.editor", "police.editor", "dover.editor", "nhs.editor", "board.member")) {
            List<Map<String, Object>> seen = items(user, "/occupations/lease-events");
            assertTrue(find(seen, police, "BREAK") != null, user + " lists the PARTNERSHIP asset's break");
            boolean readsHidden = List.of("dover.editor", "nhs.editor", "board.member").contains(user);
            assertEquals(readsHidden, find(seen, nhs, "END") != null, user + " and the OWNER_ONLY asset's occupation");
            boolean policeInFull = List.of("maidstone.editor", "police.editor", "board.member").contains(user);
            assertEquals(!policeInFull, occupationOf(find(seen, police, "BREAK")).get("commercialTermsWithheld"), user);
            assertEquals(policeInFull, occupationOf(find(seen, police, "BREAK")).toString().contains("27182.81"),
                    user + " reads the rent");
        }
        Api.as("s151.officer").get("/occupations/lease-events?limit=500").then().statusCode(200);
        assertFalse(Api.as("s151.officer").get("/occupations/lease-events?limit=500").asString().contains(nhs));

        List<Map<String, Object>> ahead = items("pmo.admin", "/occupations/lease-events?withinMonths=36&kind=END");
        assertEquals("2092-12-31", find(ahead, police, "END").get("dueOn"));
        assertNull(find(ahead, police, "BREAK"), "kind=END lists no breaks");
        List<Map<String, Object>> nhsOnly = items("dover.editor", "/occupations/lease-events?occupierPartnerId=nhs-kent-medway");
        assertTrue(find(nhsOnly, nhs, "END") != null);
        assertNull(find(nhsOnly, police, null));
        Api.as("pmo.admin").get("/occupations/lease-events?occupierPartnerId=kent-police&limit=500")
                .then().body("items.findAll { it.occupation.occupierPartnerId != 'kent-police' }.size()", equalTo(0));
    }

    /**
     * The CSV forms are the JSON pages' items, row for row, for each caller: the same read rules, the
     * commercial terms left empty where the JSON withholds them, the filters and paging alike.
     */
    @Test
    void theCsvFormsAreTheJsonItemsRowForRow() throws Exception {
        today("2095-03-15");
        String shared = asset("maidstone.editor", "PARTNERSHIP");
        String hidden = asset("dover.editor", "OWNER_ONLY");
        String police = create("maidstone.editor", shared, occupation("kent-police", "startsOn", "2095-01-01",
                "endsOn", "2095-09-30", "breakOn", "2095-06-30", "landlordName", "Smith, \"Jones\" & Co")).path("id");
        String nhs = create("dover.editor", hidden, occupation("nhs-kent-medway", "startsOn", "2095-01-01",
                "endsOn", "2095-12-31")).path("id");
        for (String user : List.of("pmo.admin", "maidstone.editor", "dover.editor", "police.editor", "s151.officer")) {
            for (String path : List.of("/occupations/lease-events?limit=500", "/occupations/under-used?limit=500",
                    "/occupations/lease-events?occupierPartnerId=kent-police&limit=500",
                    "/occupations/lease-events?limit=1&offset=1")) {
                List<Map<String, Object>> json = Api.as(user).get(path).then().statusCode(200).extract().path("items");
                Response csv = Api.as(user).accept("text/csv").get(path);
                csv.then().statusCode(200).contentType(startsWith("text/csv")).header("Content-Disposition",
                        equalTo("attachment; filename=\"" + (path.contains("under-used") ? "under-used-occupations" : "lease-events")
                                + ".csv\""));
                List<org.apache.commons.csv.CSVRecord> rows;
                try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .get().parse(new java.io.StringReader(csv.asString()))) {
                    assertEquals(path.contains("under-used")
                            ? org.estatehub.occupation.mapping.LeaseEventsCsv.UNDER_USED_COLUMNS
                            : org.estatehub.occupation.mapping.LeaseEventsCsv.LEASE_EVENT_COLUMNS, parser.getHeaderNames());
                    rows = parser.getRecords();
                }
                assertTrue(csv.asString().contains("\r\n"), "CRLF line ends");
                assertEquals(json.size(), rows.size(), user + " " + path);
                for (int i = 0; i < rows.size(); i++) {
                    Map<String, Object> item = json.get(i);
                    Map<String, Object> o = occupationOf(item);
                    var row = rows.get(i);
                    assertEquals(o.get("id"), row.get("OccupationId"), user + " " + path + " row " + i);
                    if (!path.contains("under-used")) {
                        assertEquals(item.get("kind"), row.get("Kind"));
                        assertEquals(item.get("dueOn"), row.get("DueOn"));
                    } else {
                        assertEquals(item.get("measure"), row.get("Measure"));
                        assertEquals(0, new java.math.BigDecimal(String.valueOf(item.get("usePercent")))
                                .compareTo(new java.math.BigDecimal(row.get("UsePercent"))), row.toString());
                    }
                    boolean withheld = (Boolean) o.get("commercialTermsWithheld");
                    assertEquals(withheld ? "yes" : "no", row.get("CommercialTermsWithheld"));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> rent = (Map<String, Object>) o.get("yearlyRent");
                    assertEquals(rent == null ? "" : rent.get("amount"), row.get("YearlyRent"));
                    assertEquals(o.get("landlordName") == null ? "" : o.get("landlordName"), row.get("LandlordName"));
                    assertEquals(o.get("assetOwnerPartnerId"), row.get("AssetOwnerPartnerId"));
                    assertEquals(o.getOrDefault("occupierPartnerId", ""), row.get("OccupierPartnerId"));
                    assertEquals(o.get("startsOn"), row.get("StartsOn"));
                }
            }
        }
        // The rows of this test's occupations, as their readers see them: exact values.
        String pmoCsv = Api.as("pmo.admin").accept("text/csv").get("/occupations/lease-events?limit=500").asString();
        assertTrue(pmoCsv.contains("BREAK,2095-06-30," + police + ","), pmoCsv);
        assertTrue(pmoCsv.contains(",27182.81,,2095-01-01,2095-09-30,2095-06-30,,\"Smith, \"\"Jones\"\" & Co\",,yes,no"), pmoCsv);
        String maidstoneCsv = Api.as("maidstone.editor").accept("text/csv").get("/occupations/lease-events?limit=500").asString();
        assertFalse(maidstoneCsv.contains(nhs), "an OWNER_ONLY asset's occupation of another partner");
        String doverCsv = Api.as("dover.editor").accept("text/csv").get("/occupations/lease-events?limit=500").asString();
        assertTrue(doverCsv.contains(nhs));
        assertTrue(doverCsv.lines().filter(l -> l.contains(police)).allMatch(l -> !l.contains("27182.81") && l.endsWith(",yes")),
                "Dover reads Kent Police's occupation without its terms: " + doverCsv);
        String underUsed = Api.as("dover.editor").accept("text/csv").get("/occupations/under-used?limit=500").asString();
        assertTrue(underUsed.contains(nhs) && !underUsed.contains(police), underUsed);
        // Without Accept: text/csv, JSON as before.
        Api.as("pmo.admin").get("/occupations/lease-events").then().statusCode(200).contentType(startsWith("application/json"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> occupationOf(Map<String, Object> item) {
        return (Map<String, Object>) item.get("occupation");
    }

    /** A Monday in the 2090s, then 28 days on: the bookings made on the Monday's weeks are then the 28 days before. */
    @Test
    void underUsedFromDeskBookingsOrTheAssetsUtilisationToThoseReadingInFull() {
        LocalDate monday = LocalDate.of(2093, 3, 2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        today(monday.toString());
        String shared = asset("maidstone.editor", "PARTNERSHIP");
        Response ws = Api.as("maidstone.editor").body(Map.of("name", "Hub", "zones",
                List.of(Map.of("name", "North", "desks", 4)))).post("/assets/" + shared + "/workspaces");
        ws.then().statusCode(201);
        String workspace = ws.path("id");
        String desk1 = ws.path("zones[0].desks[0].id");
        String desk2 = ws.path("zones[0].desks[1].id");
        String desk3 = ws.path("zones[0].desks[2].id");
        for (String[] a : new String[][] {{"dover", "2"}, {"kent-police", "1"}}) {
            Api.as("maidstone.editor").body(Map.of("desks", Integer.parseInt(a[1])))
                    .put("/workspaces/" + workspace + "/allocations/" + a[0]).then().statusCode(200);
        }
        String dover = create("maidstone.editor", shared, occupation("dover", "desks", 2, "basis", "LICENCE",
                "startsOn", "2093-01-01")).path("id");
        String police = create("maidstone.editor", shared, occupation("kent-police", "desks", 1,
                "startsOn", "2093-01-01")).path("id");
        String hidden = asset("dover.editor", "OWNER_ONLY");
        String nhs = create("dover.editor", hidden, occupation("nhs-kent-medway", "startsOn", "2093-01-01")).path("id");
        // Dover: 4 whole days and a morning = 9 half days of 2 desks x 20 working days x 2 = 80: 11.25%.
        for (int d = 0; d < 4; d++) {
            book("dover.editor", workspace, desk1, monday.plusDays(d), "DAY");
        }
        book("dover.editor", workspace, desk2, monday.plusDays(7), "AM");
        // Kent Police: 8 whole days = 16 of 40: 40.00%. A cancelled day does not count.
        for (int d = 0; d < 8; d++) {
            book("police.editor", workspace, desk3, monday.plusDays(d < 5 ? d : d + 2), "DAY");
        }
        String cancelled = book("police.editor", workspace, desk3, monday.plusDays(15), "DAY");
        Api.as("police.editor").body(Map.of("reason", "not needed")).post("/bookings/" + cancelled + "/cancellation").then().statusCode(200);
        // A booking after the 28 days does not count either.
        book("dover.editor", workspace, desk1, monday.plusDays(28), "DAY");

        today(monday.plusDays(28).toString());
        Response page = Api.as("pmo.admin").get("/occupations/under-used?limit=500");
        page.then().statusCode(200).body("from", equalTo(monday.toString()))
                .body("to", equalTo(monday.plusDays(27).toString()));
        List<Map<String, Object>> pmo = page.path("items");
        Map<String, Object> d = find(pmo, dover, null);
        assertEquals("DESK_BOOKINGS", d.get("measure"));
        assertEquals(11.25f, d.get("usePercent"));
        assertEquals(9, d.get("bookedHalfDays"));
        assertEquals(80, d.get("capacityHalfDays"));
        Map<String, Object> p = find(pmo, police, null);
        assertEquals(40.0f, p.get("usePercent"));
        assertEquals(16, p.get("bookedHalfDays"));
        Map<String, Object> n = find(pmo, nhs, null);
        assertEquals("ASSET_UTILISATION", n.get("measure"));
        assertEquals(30.0f, ((Number) n.get("usePercent")).floatValue());
        assertNull(n.get("bookedHalfDays"));
        assertTrue(pmo.indexOf(d) < pmo.indexOf(n) && pmo.indexOf(n) < pmo.indexOf(p), "least used first");
        // Strictly below: 40.00 is not below 40, 11.25 is below 11.26 and not below 11.25.
        assertNull(find(items("pmo.admin", "/occupations/under-used?belowPercent=40"), police, null));
        assertTrue(find(items("pmo.admin", "/occupations/under-used?belowPercent=11.26"), dover, null) != null);
        assertNull(find(items("pmo.admin", "/occupations/under-used?belowPercent=11.25"), dover, null));

        // Only to those who read the occupation in full: the occupier, the asset's owner, the readers of everything.
        Map<String, List<String>> sees = Map.of(
                "maidstone.editor", List.of(dover, police),
                "dover.editor", List.of(dover, nhs),
                "police.editor", List.of(police),
                "nhs.editor", List.of(nhs),
                "s151.officer", List.of(),
                "board.member", List.of(dover, police, nhs));
        for (var e : sees.entrySet()) {
            List<Map<String, Object>> seen = items(e.getKey(), "/occupations/under-used");
            for (String o : List.of(dover, police, nhs)) {
                assertEquals(e.getValue().contains(o), find(seen, o, null) != null, e.getKey() + " and " + o);
            }
            seen.forEach(i -> assertEquals(false, occupationOf(i).get("commercialTermsWithheld"), e.getKey()));
        }
        List<Map<String, Object>> filtered = items("maidstone.editor", "/occupations/under-used?occupierPartnerId=dover");
        assertTrue(find(filtered, dover, null) != null);
        assertNull(find(filtered, police, null));
    }

    private static String book(String user, String workspace, String desk, LocalDate on, String slot) {
        Response r = Api.as(user).body(Map.of("deskId", desk, "on", on.toString(), "slot", slot))
                .post("/workspaces/" + workspace + "/bookings");
        r.then().statusCode(201);
        return r.path("id");
    }

    @Test
    void theFeedAnnouncesEachDateOnceToTheOccupationsReadersAndAgainWhenItChanges() throws Exception {
        today("2096-06-01");
        String shared = asset("maidstone.editor", "PARTNERSHIP");
        String hidden = asset("dover.editor", "OWNER_ONLY");
        Response created = create("maidstone.editor", shared, occupation("kent-police", "startsOn", "2096-01-01",
                "endsOn", "2099-12-31", "breakOn", "2097-06-30"));
        String police = created.path("id");
        String nhs = create("dover.editor", hidden, occupation("nhs-kent-medway", "startsOn", "2096-01-01",
                "endsOn", "2097-09-30")).path("id");
        feed.announce();
        assertEquals(List.of("CREATED"), actions(police), "the break is 13 months ahead");
        assertEquals(List.of("CREATED"), actions(nhs));

        today("2096-07-01");
        feed.announce();
        feed.announce();
        assertEquals(List.of("CREATED", "OCCUPATION_BREAK_APPROACHING"), actions(police), "announced once");
        Response history = Api.as("dover.editor").get("/occupations/" + police + "/history");
        history.then().statusCode(200).body("items[1].changes.breakOn.to", equalTo("2097-06-30"))
                .body("items[1].actor.username", equalTo("lease-events")).body("items[1].partnerId", equalTo("maidstone"));

        // Two replicas at once: one event.
        today("2096-10-01");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return feed.announce();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("CREATED", "OCCUPATION_END_APPROACHING"), actions(nhs), "two replicas, one event");

        // A changed date is announced again; the old one never twice.
        Api.as("maidstone.editor").header("If-Match", created.header("ETag")).body(occupation("kent-police",
                "startsOn", "2096-01-01", "endsOn", "2099-12-31", "breakOn", "2097-03-31"))
                .put("/occupations/" + police).then().statusCode(200);
        feed.announce();
        assertEquals(List.of("CREATED", "OCCUPATION_BREAK_APPROACHING", "UPDATED", "OCCUPATION_BREAK_APPROACHING"),
                actions(police));
        Api.as("pmo.admin").get("/occupations/" + police + "/history").then()
                .body("items[3].changes.breakOn.to", equalTo("2097-03-31"));

        // The feed: the OWNER_ONLY asset's event to its owner and occupier only; the PARTNERSHIP asset's to all.
        for (String user : List.of("dover.editor", "nhs.editor", "maidstone.editor", "police.editor")) {
            String events = feedEvents(user);
            assertEquals(List.of("dover.editor", "nhs.editor").contains(user),
                    events.contains(nhs + "|OCCUPATION_END_APPROACHING"), user + " and the hidden occupation's event");
            assertTrue(events.contains(police + "|OCCUPATION_BREAK_APPROACHING"), user);
        }
        for (String user : List.of("maidstone.editor", "police.editor")) {
            Api.as(user).get("/occupations/" + nhs + "/history").then().statusCode(404)
                    .contentType(startsWith("application/problem+json"));
        }
    }

    private static List<String> actions(String occupation) {
        return Api.as("pmo.admin").get("/occupations/" + occupation + "/history").then().statusCode(200).extract()
                .path("items.action");
    }

    /** The caller's whole feed's occupation events as "id|action" lines. */
    private static String feedEvents(String user) {
        String after = null;
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            Response page = Api.as(user).get("/events?limit=500" + (after == null ? "" : "&after=" + after));
            page.then().statusCode(200);
            List<String> ids = page.path("items.findAll { it.entityType == 'OCCUPATION' }.entityId");
            List<String> actions = page.path("items.findAll { it.entityType == 'OCCUPATION' }.action");
            for (int j = 0; j < ids.size(); j++) {
                events.append(ids.get(j)).append('|').append(actions.get(j)).append('\n');
            }
            after = page.path("nextCursor");
            if (!Boolean.TRUE.equals(page.path("hasMore"))) {
                break;
            }
        }
        return events.toString();
    }
}
