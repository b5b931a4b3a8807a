package org.estatehub.workspace;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Shared workspaces with real tokens: the owner sets one up, partners' editors manage their allocation
 * within the desks, staff book as themselves within it, no desk's half day is booked twice (also under
 * a race of eight), cancellation once, and the use against allocation by week and month.
 */
@QuarkusTest
class WorkspaceBookingTest {

    @Inject
    DataSource dataSource;

    /** A Monday well ahead, so every test's days are bookable whatever today is. */
    static final LocalDate MONDAY = LocalDate.now(PartnershipCalendar.ZONE).plusDays(14)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

    /** A fresh workspace (North: 6 desks, Quiet: 2) in a fresh asset of Maidstone's. */
    static Response workspace(String visibility) {
        String asset = AssetFixtures.createId("maidstone.editor", AssetFixtures.with(
                AssetFixtures.asset("Hub " + AssetFixtures.token(), 51.27, 0.52), "visibility", visibility));
        Response r = Api.as("maidstone.editor").body(Map.of("name", "Ground floor hub",
                "zones", List.of(Map.of("name", "North", "desks", 6), Map.of("name", "Quiet", "desks", 2))))
                .post("/assets/" + asset + "/workspaces");
        r.then().statusCode(201).body("deskCount", equalTo(8)).body("allocatedDesks", equalTo(0))
                .body("zones[0].desks[0].label", equalTo("North 01"));
        return r;
    }

    static void allocate(String user, String workspace, String partner, int desks, int status) {
        Api.as(user).body(Map.of("desks", desks)).put("/workspaces/" + workspace + "/allocations/" + partner)
                .then().statusCode(status);
    }

    static Response book(String user, String workspace, Map<String, Object> body) {
        return Api.as(user).body(body).post("/workspaces/" + workspace + "/bookings");
    }

    static Map<String, Object> desk(String deskId, LocalDate on, String slot) {
        return Map.of("deskId", deskId, "on", on.toString(), "slot", slot);
    }

    @Test
    void ownerSetsUpPartnersManageTheirAllocationWithinTheDesks() {
        Response ws = workspace("PARTNERSHIP");
        String id = ws.path("id");
        String asset = ws.path("assetId");
        Api.as("dover.editor").body(Map.of("name", "Mine", "zones", List.of(Map.of("name", "A", "desks", 1))))
                .post("/assets/" + asset + "/workspaces").then().statusCode(403);
        Api.as("maidstone.editor").body(Map.of("name", "Ground floor hub", "zones", List.of(Map.of("name", "A", "desks", 1))))
                .post("/assets/" + asset + "/workspaces").then().statusCode(409);
        allocate("maidstone.editor", id, "dover", 3, 200);
        allocate("police.editor", id, "kent-police", 4, 200);
        // Another partner's allocation is not Kent Police's to set; a viewer sets none.
        allocate("police.editor", id, "dover", 1, 403);
        allocate("maidstone.viewer", id, "maidstone", 1, 403);
        // 3 + 4 allocated of 8: Maidstone may have 1, not 2.
        Response over = Api.as("maidstone.editor").body(Map.of("desks", 2)).put("/workspaces/" + id + "/allocations/maidstone");
        over.then().statusCode(409).contentType(startsWith("application/problem+json"));
        allocate("maidstone.editor", id, "maidstone", 1, 200);
        Api.as("dover.editor").get("/workspaces/" + id).then().statusCode(200).body("allocatedDesks", equalTo(8))
                .body("allocations.find { it.partnerId == 'kent-police' }.desks", equalTo(4));
        // Giving back desks makes room; 0 removes the allocation.
        allocate("police.editor", id, "kent-police", 0, 200);
        allocate("maidstone.editor", id, "maidstone", 5, 200);
        Api.as("pmo.admin").get("/workspaces/" + id).then().body("allocatedDesks", equalTo(8))
                .body("allocations.size()", equalTo(2));
        Api.as("pmo.admin").get("/workspaces?asset=" + asset).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void hiddenAssetsWorkspaceIsReadOnlyByTheOwnerAndAllocatedPartners() {
        Response ws = workspace("OWNER_ONLY");
        String id = ws.path("id");
        Api.as("dover.editor").get("/workspaces/" + id).then().statusCode(404);
        allocate("dover.editor", id, "dover", 1, 404);
        allocate("maidstone.editor", id, "dover", 2, 200);
        Api.as("dover.editor").get("/workspaces/" + id).then().statusCode(200);
        Api.as("police.editor").get("/workspaces?asset=" + ws.path("assetId")).then().body("total", equalTo(0));
        Api.as("dover.editor").get("/workspaces?asset=" + ws.path("assetId")).then().body("total", equalTo(1));
    }

    @Test
    void staffBookWithinTheirAllocationAndNoHalfDayTwice() {
        Response ws = workspace("PARTNERSHIP");
        String id = ws.path("id");
        String north1 = ws.path("zones[0].desks[0].id");
        String north2 = ws.path("zones[0].desks[1].id");
        String quietZone = ws.path("zones[1].id");
        allocate("maidstone.editor", id, "dover", 1, 200);
        allocate("maidstone.editor", id, "maidstone", 2, 200);
        LocalDate day = MONDAY;
        Response am = book("dover.editor", id, desk(north1, day, "AM"));
        am.then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/bookings/")).body("username", equalTo("dover.editor"))
                .body("partnerId", equalTo("dover")).body("deskLabel", equalTo("North 01")).body("status", equalTo("BOOKED"));
        // Dover's one desk is taken in the morning, free in the afternoon.
        book("dover.editor", id, desk(north2, day, "AM")).then().statusCode(409);
        book("dover.editor", id, desk(north2, day, "DAY")).then().statusCode(409);
        book("dover.editor", id, desk(north2, day, "PM")).then().statusCode(201);
        // North 01: the morning is Dover's; the afternoon is free, the whole day is not.
        book("maidstone.viewer", id, desk(north1, day, "AM")).then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
        book("maidstone.viewer", id, desk(north1, day, "DAY")).then().statusCode(409);
        book("maidstone.viewer", id, desk(north1, day, "PM")).then().statusCode(201);
        // A zone: the service picks a free desk of it.
        book("maidstone.editor", id, Map.of("zoneId", quietZone, "on", day.toString(), "slot", "DAY")).then()
                .statusCode(201).body("zoneName", equalTo("Quiet")).body("deskLabel", equalTo("Quiet 01"))
                .body("requestedZoneId", equalTo(quietZone));
        // No allocation, no booking; partner systems never book.
        book("police.editor", id, desk(north2, day.plusDays(1), "DAY")).then().statusCode(409);
        Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET).body(desk(north2, day.plusDays(1), "DAY"))
                .post("/workspaces/" + id + "/bookings").then().statusCode(403);
        // Who sees which bookings: the owner all, Dover its own.
        Api.as("maidstone.viewer").get("/workspaces/" + id + "/bookings?from=" + day).then().statusCode(200)
                .body("total", equalTo(4));
        Api.as("dover.editor").get("/workspaces/" + id + "/bookings?from=" + day).then().statusCode(200)
                .body("total", equalTo(2)).body("items.partnerId.unique()", equalTo(List.of("dover")));
        Api.as("police.editor").get("/workspaces/" + id + "/bookings?from=" + day).then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void badBookingsAreRefusedNamingTheFieldAndNothingIsBooked() {
        Response ws = workspace("PARTNERSHIP");
        String id = ws.path("id");
        String north1 = ws.path("zones[0].desks[0].id");
        String otherDesk = workspace("PARTNERSHIP").path("zones[0].desks[0].id");
        allocate("maidstone.editor", id, "maidstone", 2, 200);
        LocalDate yesterday = LocalDate.now(PartnershipCalendar.ZONE).minusDays(1);
        List<Object[]> bad = List.of(
                new Object[] {"on", Map.of("deskId", north1, "on", yesterday.toString(), "slot", "AM")},
                new Object[] {"deskId", Map.of("on", MONDAY.toString(), "slot", "AM")},
                new Object[] {"deskId", Map.of("deskId", otherDesk, "on", MONDAY.toString(), "slot", "AM")},
                new Object[] {"deskId", Map.of("deskId", north1, "zoneId", ws.path("zones[1].id"), "on", MONDAY.toString(), "slot", "AM")},
                new Object[] {"slot", Map.of("deskId", north1, "on", MONDAY.toString(), "slot", "EVENING")},
                new Object[] {"on", Map.of("deskId", north1, "on", "2026-02-30", "slot", "AM")},
                new Object[] {"deskId", Map.of("deskId", "not-a-uuid", "on", MONDAY.toString(), "slot", "AM")},
                new Object[] {"who", Map.of("deskId", north1, "on", MONDAY.toString(), "slot", "AM", "who", "x")});
        for (Object[] c : bad) {
            Response r = Api.badRequestAs("maidstone.editor").contentType("application/json").body(c[1])
                    .post("/workspaces/" + id + "/bookings");
            assertEquals(400, r.statusCode(), c[0] + ": " + r.asString());
            assertTrue(r.asString().contains((String) c[0]), c[0] + ": " + r.asString());
        }
        Api.as("maidstone.editor").get("/workspaces/" + id + "/bookings?from=" + yesterday.plusDays(1) + "&to="
                + MONDAY.plusDays(6)).then().body("total", equalTo(0));
        Response r = Api.badRequestAs("maidstone.editor").contentType("application/json").body(Map.of("desks", -1))
                .put("/workspaces/" + id + "/allocations/dover");
        assertEquals(400, r.statusCode());
        assertTrue(r.asString().contains("desks"));
    }

    @Test
    void aBookingIsCancelledOnceByThoseAllowed() {
        Response ws = workspace("PARTNERSHIP");
        String id = ws.path("id");
        String north1 = ws.path("zones[0].desks[0].id");
        allocate("maidstone.editor", id, "dover", 1, 200);
        String booking = book("dover.editor", id, desk(north1, MONDAY, "DAY")).path("id");
        String path = "/bookings/" + booking + "/cancellation";
        Api.as("police.editor").body(Map.of()).post(path).then().statusCode(404);
        Api.as("maidstone.viewer").body(Map.of()).post(path).then().statusCode(403);
        Api.as("dover.editor").body(Map.of("reason", "Working from home")).post(path).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("dover.editor"));
        Api.as("dover.editor").body(Map.of()).post(path).then().statusCode(409)
                .body("detail", equalTo("A desk booking that is CANCELLED cannot become CANCELLED; allowed from CANCELLED: none."));
        // The desk is free again.
        book("dover.editor", id, desk(north1, MONDAY, "AM")).then().statusCode(201);
    }

    @Test
    void useAgainstAllocationByWeekAndMonth() {
        Response ws = workspace("PARTNERSHIP");
        String id = ws.path("id");
        String north1 = ws.path("zones[0].desks[0].id");
        String north2 = ws.path("zones[0].desks[1].id");
        allocate("maidstone.editor", id, "dover", 2, 200);
        allocate("maidstone.editor", id, "maidstone", 1, 200);
        book("dover.editor", id, desk(north1, MONDAY, "DAY")).then().statusCode(201);
        book("dover.editor", id, desk(north2, MONDAY.plusDays(1), "AM")).then().statusCode(201);
        book("maidstone.viewer", id, desk(north2, MONDAY, "PM")).then().statusCode(201);
        String week = "/workspaces/" + id + "/use?period=WEEK&from=" + MONDAY + "&to=" + MONDAY.plusDays(6);
        // Office: 8 desks x 5 days x 2 = 80 half days, 4 booked; Dover: 2 x 5 x 2 = 20, 3 booked.
        Api.as("maidstone.viewer").get(week).then().statusCode(200).body("periods.size()", equalTo(1))
                .body("periods[0].workingDays", equalTo(5))
                .body("periods[0].office.allocatedHalfDays", equalTo(80)).body("periods[0].office.bookedHalfDays", equalTo(4))
                .body("periods[0].office.usePercent", equalTo(5.0f))
                .body("periods[0].partners.find { it.partnerId == 'dover' }.use.bookedHalfDays", equalTo(3))
                .body("periods[0].partners.find { it.partnerId == 'dover' }.use.usePercent", equalTo(15.0f))
                .body("periods[0].partners.size()", equalTo(2));
        Api.as("dover.editor").get(week).then().statusCode(200).body("periods[0].partners.size()", equalTo(1))
                .body("periods[0].partners[0].partnerId", equalTo("dover"))
                .body("periods[0].office.bookedHalfDays", equalTo(4));
        Api.as("pmo.admin").get(week).then().statusCode(200).body("periods[0].partners.size()", equalTo(2));
        Api.as("police.editor").get(week).then().statusCode(403);
        LocalDate first = MONDAY.withDayOfMonth(1);
        Api.as("maidstone.editor").get("/workspaces/" + id + "/use?period=MONTH&from=" + first + "&to="
                + first.plusMonths(2).minusDays(1)).then().statusCode(200).body("periods.size()", equalTo(2))
                .body("periods[0].endsOn", equalTo(first.withDayOfMonth(first.lengthOfMonth()).toString()));
        Api.badRequestAs("maidstone.editor").get("/workspaces/" + id + "/use?from=" + MONDAY + "&to=" + MONDAY.minusDays(1))
                .then().statusCode(400);
    }

    /** Eight people of six partners book one desk's same day at once: exactly one booking, seven 409s. */
    @Test
    void eightSimultaneousBookingsOfOneDeskEndWithExactlyOne() throws Exception {
        Response ws = workspace("PARTNERSHIP");
        String id = ws.path("id");
        String north1 = ws.path("zones[0].desks[0].id");
        for (String partner : List.of("kcc", "maidstone", "dover", "sevenoaks", "kent-police", "nhs-kent-medway")) {
            allocate("maidstone.editor", id, partner, 1, 200);
        }
        List<String> users = List.of("pmo.admin", "kcc.editor", "maidstone.editor", "maidstone.viewer", "dover.editor",
                "sevenoaks.editor", "police.editor", "nhs.editor");
        Map<String, Object> body = desk(north1, MONDAY.plusDays(2), "DAY");
        // Tokens and request specifications first, so the latch releases requests, not Keycloak logins.
        List<RequestSpecification> requests = users.stream().map(u -> Api.as(u).body(body)).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (RequestSpecification request : requests) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.post("/workspaces/" + id + "/bookings");
                }));
            }
            start.countDown();
            int booked = 0;
            int conflicts = 0;
            for (Future<Response> answer : answers) {
                Response r = answer.get(120, TimeUnit.SECONDS);
                if (r.statusCode() == 201) {
                    booked++;
                } else {
                    assertEquals(409, r.statusCode(), r.asString());
                    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
                    conflicts++;
                }
            }
            assertEquals(1, booked);
            assertEquals(7, conflicts);
        } finally {
            pool.shutdownNow();
        }
        Api.as("maidstone.editor").get("/workspaces/" + id + "/bookings?from=" + MONDAY.plusDays(2)).then()
                .body("total", equalTo(1)).body("items[0].status", equalTo("BOOKED"));
    }

    /** Sends the requests at once (after a latch), each a POST of its body to `path`; the answers in order. */
    static List<Response> race(List<RequestSpecification> requests, String path) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (RequestSpecification request : requests) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.post(path);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get(120, TimeUnit.SECONDS);
                if (r.statusCode() != 201) {
                    assertEquals(409, r.statusCode(), r.asString());
                    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
                }
                responses.add(r);
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> deskIds(Response ws) {
        List<String> ids = new ArrayList<>(ws.<List<String>>path("zones[0].desks.id"));
        ids.addAll(ws.<List<String>>path("zones[1].desks.id"));
        return ids;
    }

    /** One partner's staff book all eight desks' same morning at once: exactly its two allocated desks are booked. */
    @Test
    void eightSimultaneousBookingsOfOnePartnerStayWithinItsAllocation() throws Exception {
        Response ws = workspace("PARTNERSHIP");
        String id = ws.path("id");
        allocate("maidstone.editor", id, "maidstone", 2, 200);
        LocalDate day = MONDAY.plusDays(3);
        List<String> desks = deskIds(ws);
        List<RequestSpecification> requests = new ArrayList<>();
        for (int i = 0; i < desks.size(); i++) {
            requests.add(Api.as(i % 2 == 0 ? "maidstone.editor" : "maidstone.viewer").body(desk(desks.get(i), day, "AM")));
        }
        List<Response> answers = race(requests, "/workspaces/" + id + "/bookings");
        assertEquals(2, answers.stream().filter(r -> r.statusCode() == 201).count());
        Api.as("maidstone.editor").get("/workspaces/" + id + "/bookings?from=" + day).then().body("total", equalTo(2));
    }

    /**
     * The allocation lock is per half day: with one desk allocated, mornings, afternoons and whole days
     * raced together end with each half held once: one AM and one PM booking, or one DAY booking alone.
     */
    @Test
    void raceOfMorningsAfternoonsAndDaysHoldsEachHalfOnce() throws Exception {
        Response ws = workspace("PARTNERSHIP");
        String id = ws.path("id");
        allocate("maidstone.editor", id, "maidstone", 1, 200);
        LocalDate day = MONDAY.plusDays(4);
        List<String> desks = deskIds(ws);
        List<String> slots = List.of("AM", "AM", "AM", "PM", "PM", "PM", "DAY", "DAY");
        List<RequestSpecification> requests = new ArrayList<>();
        for (int i = 0; i < desks.size(); i++) {
            requests.add(Api.as(i % 2 == 0 ? "maidstone.editor" : "maidstone.viewer").body(desk(desks.get(i), day, slots.get(i))));
        }
        List<Response> answers = race(requests, "/workspaces/" + id + "/bookings");
        List<String> booked = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).statusCode() == 201) {
                booked.add(slots.get(i));
            }
        }
        java.util.Collections.sort(booked);
        assertTrue(booked.equals(List.of("AM", "PM")) || booked.equals(List.of("DAY")), booked.toString());
        Api.as("maidstone.editor").get("/workspaces/" + id + "/bookings?from=" + day).then()
                .body("total", equalTo(booked.size()));
    }

    /**
     * Many desks, one partner, one half day: sixteen of its staff's bookings of different desks (half of them
     * by zone) raced together end with exactly its allocation of ten booked, each on a desk of its own.
     */
    @Test
    void racedBookingsAcrossManyDesksEndWithExactlyTheAllocation() throws Exception {
        String asset = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Hub " + AssetFixtures.token(), 51.27, 0.52));
        Response ws = Api.as("maidstone.editor").body(Map.of("name", "Open plan",
                "zones", List.of(Map.of("name", "East", "desks", 12), Map.of("name", "West", "desks", 12))))
                .post("/assets/" + asset + "/workspaces");
        ws.then().statusCode(201).body("deskCount", equalTo(24));
        String id = ws.path("id");
        allocate("maidstone.editor", id, "maidstone", 10, 200);
        LocalDate day = MONDAY.plusDays(7);
        List<String> east = ws.path("zones[0].desks.id");
        String west = ws.path("zones[1].id");
        List<RequestSpecification> requests = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Map<String, Object> body = i % 2 == 0 ? desk(east.get(i / 2), day, "AM")
                    : Map.of("zoneId", west, "on", day.toString(), "slot", "AM");
            requests.add(Api.as(i % 2 == 0 ? "maidstone.editor" : "maidstone.viewer").body(body));
        }
        List<Response> answers = race(requests, "/workspaces/" + id + "/bookings");
        assertEquals(10, answers.stream().filter(r -> r.statusCode() == 201).count());
        List<String> desks = Api.as("maidstone.editor").get("/workspaces/" + id + "/bookings?from=" + day + "&limit=100")
                .then().statusCode(200).body("total", equalTo(10)).extract().path("items.deskId");
        assertEquals(10, new java.util.HashSet<>(desks).size(), desks.toString());
        // Full: one more is refused, the afternoon is free.
        book("maidstone.editor", id, desk(east.get(11), day, "AM")).then().statusCode(409)
                .body("detail", equalTo("maidstone's 10 desks in Open plan are all booked for " + day + " AM."));
        book("maidstone.editor", id, desk(east.get(11), day, "PM")).then().statusCode(201);
    }

    /** A cancellation frees its seat: the partner books again up to its allocation, and no further. */
    @Test
    void aCancelledBookingsSeatIsBookedAgain() {
        Response ws = workspace("PARTNERSHIP");
        String id = ws.path("id");
        List<String> desks = deskIds(ws);
        allocate("maidstone.editor", id, "maidstone", 2, 200);
        LocalDate day = MONDAY.plusDays(8);
        String first = book("maidstone.viewer", id, desk(desks.get(0), day, "DAY")).then().statusCode(201).extract().path("id");
        book("maidstone.viewer", id, desk(desks.get(1), day, "AM")).then().statusCode(201);
        book("maidstone.editor", id, desk(desks.get(2), day, "AM")).then().statusCode(409);
        Api.as("maidstone.viewer").body(Map.of()).post("/bookings/" + first + "/cancellation").then().statusCode(200);
        // The morning and the afternoon seat of the whole day are both free again.
        book("maidstone.editor", id, desk(desks.get(2), day, "AM")).then().statusCode(201);
        book("maidstone.editor", id, desk(desks.get(3), day, "AM")).then().statusCode(409);
        book("maidstone.editor", id, desk(desks.get(3), day, "PM")).then().statusCode(201);
        book("maidstone.editor", id, desk(desks.get(4), day, "PM")).then().statusCode(201);
        book("maidstone.editor", id, desk(desks.get(5), day, "PM")).then().statusCode(409);
        Api.as("maidstone.editor").get("/workspaces/" + id + "/bookings?from=" + day).then()
                .body("total", equalTo(5)).body("items.findAll { it.status == 'BOOKED' }.size()", equalTo(4));
    }

    /**
     * An allocation reduced below the bookings already held keeps them; new bookings of that half day are
     * refused until cancellations bring the partner's bookings under the new allocation.
     */
    @Test
    void anAllocationReducedBelowTheBookingsHeldRefusesNewOnesUntilUnderIt() {
        Response ws = workspace("PARTNERSHIP");
        String id = ws.path("id");
        List<String> desks = deskIds(ws);
        allocate("maidstone.editor", id, "maidstone", 3, 200);
        LocalDate day = MONDAY.plusDays(9);
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(book("maidstone.viewer", id, desk(desks.get(i), day, "AM")).then().statusCode(201).extract().path("id"));
        }
        allocate("maidstone.editor", id, "maidstone", 1, 200);
        Api.as("maidstone.editor").get("/workspaces/" + id + "/bookings?from=" + day).then().body("total", equalTo(3))
                .body("items.status.unique()", equalTo(List.of("BOOKED")));
        book("maidstone.editor", id, desk(desks.get(3), day, "AM")).then().statusCode(409)
                .body("detail", equalTo("maidstone's 1 desks in Ground floor hub are all booked for " + day + " AM."));
        // The afternoon holds nothing: one desk there.
        book("maidstone.editor", id, desk(desks.get(3), day, "PM")).then().statusCode(201);
        book("maidstone.editor", id, desk(desks.get(4), day, "PM")).then().statusCode(409);
        // Three held, then two, then one: not under an allocation of one, still refused.
        Api.as("maidstone.viewer").body(Map.of()).post("/bookings/" + held.get(0) + "/cancellation").then().statusCode(200);
        book("maidstone.editor", id, desk(desks.get(4), day, "AM")).then().statusCode(409);
        Api.as("maidstone.viewer").body(Map.of()).post("/bookings/" + held.get(2) + "/cancellation").then().statusCode(200);
        book("maidstone.editor", id, desk(desks.get(4), day, "AM")).then().statusCode(409);
        // None held: one booking, and only one.
        Api.as("maidstone.viewer").body(Map.of()).post("/bookings/" + held.get(1) + "/cancellation").then().statusCode(200);
        book("maidstone.editor", id, desk(desks.get(4), day, "AM")).then().statusCode(201);
        book("maidstone.editor", id, desk(desks.get(5), day, "AM")).then().statusCode(409);
        // Raised again: the seats above the old allocation are free.
        allocate("maidstone.editor", id, "maidstone", 3, 200);
        book("maidstone.editor", id, desk(desks.get(5), day, "AM")).then().statusCode(201);
        book("maidstone.editor", id, desk(desks.get(6), day, "AM")).then().statusCode(201);
        book("maidstone.editor", id, desk(desks.get(7), day, "AM")).then().statusCode(409);
    }

    /**
     * A rolling upgrade (README "Upgrades without downtime"): the previous release's replicas insert bookings
     * with no seat (its INSERT, column for column); V38's trigger gives such a booking the lowest free seat
     * of each half it books, so the seat check and the seats' unique indexes hold for rows from either
     * release, and this release's bookings beside them still count against the allocation.
     */
    @Test
    void aBookingInsertedAsThePreviousReleaseDoesGetsTheLowestFreeSeats() throws Exception {
        Response ws = workspace("PARTNERSHIP");
        String id = ws.path("id");
        List<String> desks = deskIds(ws);
        allocate("maidstone.editor", id, "maidstone", 3, 200);
        LocalDate day = MONDAY.plusDays(10);
        book("maidstone.viewer", id, desk(desks.get(0), day, "AM")).then().statusCode(201);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("insert into desk_booking (id, workspace_id, desk_id,"
                    + " zone_id, partner_id, username, booked_on, slot, status, created_at)"
                    + " values (gen_random_uuid(), ?::uuid, ?::uuid, null, 'maidstone', 'maidstone.viewer', ?, 'DAY', 'BOOKED', now())"
                    + " returning morning_seat, afternoon_seat")) {
                insert.setString(1, id);
                insert.setString(2, desks.get(1));
                insert.setObject(3, day);
                try (ResultSet r = insert.executeQuery()) {
                    assertTrue(r.next());
                    int held = -1;
                    try (PreparedStatement q = c.prepareStatement("select morning_seat from desk_booking"
                            + " where workspace_id = ?::uuid and booked_on = ? and slot = 'AM' and status = 'BOOKED'")) {
                        q.setString(1, id);
                        q.setObject(2, day);
                        try (ResultSet h = q.executeQuery()) {
                            assertTrue(h.next());
                            held = h.getInt(1);
                        }
                    }
                    // The morning's lowest seat not held by this release's booking; the afternoon is empty: seat 1.
                    assertEquals(held == 1 ? 2 : 1, r.getInt(1));
                    assertEquals(1, r.getInt(2));
                }
            }
        }
        // Two mornings held of three: one more, then the allocation refuses.
        book("maidstone.editor", id, desk(desks.get(2), day, "AM")).then().statusCode(201);
        book("maidstone.editor", id, desk(desks.get(3), day, "AM")).then().statusCode(409);
        book("maidstone.editor", id, desk(desks.get(2), day, "PM")).then().statusCode(201);
        book("maidstone.editor", id, desk(desks.get(3), day, "PM")).then().statusCode(201);
        book("maidstone.editor", id, desk(desks.get(4), day, "PM")).then().statusCode(409);
    }
}
