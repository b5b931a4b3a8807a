package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.OTHER_PARTNER;
import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.asset;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.noLeak;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.seesAllAssets;
import static org.estatehub.hardening.TenancyMatrix.unchangedIfRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;

import io.restassured.response.Response;

/**
 * The tenancy matrix for shared workspaces: a workspace follows its asset's sharing (plus the partners
 * holding an allocation); partners' editors set their own allocation, the owner's editors and pmo-admin
 * any; people book as themselves, partner systems never; a booking is its partner's, the owner's and the
 * readers of everything's; use is the owner's, the readers of everything's and each allocated partner's.
 */
final class WorkspacesMatrix {

    private WorkspacesMatrix() {
    }

    static final LocalDate DAY = LocalDate.now(PartnershipCalendar.ZONE).plusDays(7)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("listWorkspaces",         Scope.OTHER_PRIVATE, all(200)),
        row("createWorkspace",        Scope.OWN,           201, 201, 403, 403, 403, 201, 403),
        row("createWorkspace",        Scope.OTHER,         201, 403, 403, 403, 403, 403, 403),
        row("createWorkspace",        Scope.OTHER_PRIVATE, 201, 404, 404, 404, 403, 404, 404),
        row("getWorkspace",           Scope.OWN,           all(200)),
        row("getWorkspace",           Scope.OTHER,         all(200)),
        row("getWorkspace",           Scope.OTHER_PRIVATE, 200, 404, 404, 404, 200, 404, 404),
        // The caller's own partner's allocation in the owner's workspace.
        row("setWorkspaceAllocation", Scope.OTHER,         200, 200, 403, 403, 403, 200, 403),
        row("setWorkspaceAllocation", Scope.OTHER_PRIVATE, 200, 404, 404, 404, 403, 404, 404),
        // With one desk allocated to the caller's partner; without any in the hidden workspace.
        row("bookDesk",               Scope.OTHER,         201, 201, 201, 201, 201, 403, 403),
        row("bookDesk",               Scope.OTHER_PRIVATE, 409, 404, 404, 404, 409, 403, 403),
        // A booking by Dover's editor in the workspace of the scope's owner.
        row("cancelDeskBooking",      Scope.OWN,           200, 200, 403, 403, 403, 200, 403),
        row("cancelDeskBooking",      Scope.OTHER,         200, 404, 404, 404, 403, 404, 404),
        row("listDeskBookings",       Scope.OTHER,         all(200)),
        row("listDeskBookings",       Scope.OTHER_PRIVATE, 200, 404, 404, 404, 200, 404, 404),
        row("getWorkspaceUse",        Scope.OWN,           all(200)),
        row("getWorkspaceUse",        Scope.OTHER,         200, 403, 403, 403, 200, 403, 403),
        row("getWorkspaceUse",        Scope.OTHER_PRIVATE, 200, 404, 404, 404, 200, 404, 404));

    static void exercise(Case c) {
        switch (c.operation()) {
            case "listWorkspaces" -> list(c);
            case "createWorkspace" -> create(c);
            case "getWorkspace" -> get(c);
            case "setWorkspaceAllocation" -> allocate(c);
            case "bookDesk" -> book(c);
            case "cancelDeskBooking" -> cancel(c);
            case "listDeskBookings" -> bookings(c);
            case "getWorkspaceUse" -> use(c);
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    private static Map<String, Object> input(String token) {
        return Map.of("name", "Matrix hub " + token, "zones", List.of(Map.of("name", "Open", "desks", 4)));
    }

    /** A fresh workspace of the case's scope, set up by the programme office. */
    private static Response workspace(Case c, String token) {
        return Api.as("pmo.admin").body(input(token)).post("/assets/" + asset(c, token) + "/workspaces")
                .then().statusCode(201).extract().response();
    }

    private static void list(Case c) {
        String token = AssetFixtures.token();
        Response ws = workspace(c, token);
        Response r = c.caller().api().get("/workspaces?asset=" + ws.path("assetId"));
        expect(c, r);
        assertEquals(seesAllAssets(c.caller()) ? 1 : 0, (int) r.path("total"), c + ": the hidden workspace listed");
    }

    private static void create(Case c) {
        String token = AssetFixtures.token();
        String asset = asset(c, token);
        Response r = c.caller().api().body(input(token)).post("/assets/" + asset + "/workspaces");
        expect(c, r);
        if (TenancyMatrix.refused(c)) {
            assertEquals(0, (int) Api.as("pmo.admin").get("/workspaces?asset=" + asset).path("total"),
                    c + ": a refused create left a workspace");
        }
    }

    private static void get(Case c) {
        String token = AssetFixtures.token();
        Response r = c.caller().api().get("/workspaces/" + workspace(c, token).path("id"));
        expect(c, r);
        noLeak(c, r, token);
    }

    private static void allocate(Case c) {
        String token = AssetFixtures.token();
        String path = "/workspaces/" + workspace(c, token).path("id");
        Response before = Api.as("pmo.admin").get(path);
        Response r = c.caller().api().body(Map.of("desks", 2)).put(path + "/allocations/" + c.caller().partner);
        expect(c, r);
        noLeak(c, r, token);
        unchangedIfRefused(c, path, before);
    }

    private static void book(Case c) {
        String token = AssetFixtures.token();
        Response ws = workspace(c, token);
        String id = ws.path("id");
        if (c.scope() == Scope.OTHER) {
            Api.as("pmo.admin").body(Map.of("desks", 1)).put("/workspaces/" + id + "/allocations/" + c.caller().partner)
                    .then().statusCode(200);
        }
        Response r = c.caller().api().body(Map.of("deskId", ws.path("zones[0].desks[0].id"), "on", DAY.toString(),
                "slot", "DAY")).post("/workspaces/" + id + "/bookings");
        expect(c, r);
        if (c.expected() != 409) {
            // A 409 goes to those who read the workspace (no allocation of theirs in it): its name is theirs to see.
            noLeak(c, r, token);
        }
        if (TenancyMatrix.refused(c)) {
            assertEquals(0, (int) Api.as("pmo.admin").get("/workspaces/" + id + "/bookings?from=" + DAY).path("total"),
                    c + ": a refused booking was saved");
        }
    }

    /** A booking by Dover's editor in a workspace of the scope's owner, in which Dover has a desk. */
    private static String doverBooking(Case c, String workspace, String desk) {
        Api.as("pmo.admin").body(Map.of("desks", 1)).put("/workspaces/" + workspace + "/allocations/" + OTHER_PARTNER)
                .then().statusCode(200);
        return Api.as("dover.editor").body(Map.of("deskId", desk, "on", DAY.toString(), "slot", "AM"))
                .post("/workspaces/" + workspace + "/bookings").then().statusCode(201).extract().path("id");
    }

    private static void cancel(Case c) {
        String token = AssetFixtures.token();
        Response ws = workspace(c, token);
        String id = ws.path("id");
        String booking = doverBooking(c, id, ws.path("zones[0].desks[0].id"));
        String list = "/workspaces/" + id + "/bookings?from=" + DAY;
        Response before = Api.as("pmo.admin").get(list);
        Response r = c.caller().api().body(Map.of()).post("/bookings/" + booking + "/cancellation");
        expect(c, r);
        noLeak(c, r, "dover.editor");
        unchangedIfRefused(c, list, before);
    }

    private static void bookings(Case c) {
        String token = AssetFixtures.token();
        Response ws = workspace(c, token);
        String id = ws.path("id");
        doverBooking(c, id, ws.path("zones[0].desks[0].id"));
        Response r = c.caller().api().get("/workspaces/" + id + "/bookings?from=" + DAY);
        expect(c, r);
        noLeak(c, r, "dover.editor");
        if (!TenancyMatrix.refused(c)) {
            // Dover's booking (with the name of its booker) is Dover's, the owner's and the overseers' to read.
            assertEquals(seesAllAssets(c.caller()), r.asString().contains("dover.editor"), c + ": " + r.asString());
        }
    }

    private static void use(Case c) {
        String token = AssetFixtures.token();
        Response ws = workspace(c, token);
        String id = ws.path("id");
        Api.as("pmo.admin").body(Map.of("desks", 1)).put("/workspaces/" + id + "/allocations/" + OTHER_PARTNER)
                .then().statusCode(200);
        Response r = c.caller().api().get("/workspaces/" + id + "/use?period=WEEK&from=" + DAY + "&to=" + DAY.plusDays(6));
        expect(c, r);
        noLeak(c, r, OTHER_PARTNER);
        if (!TenancyMatrix.refused(c) && c.scope() == Scope.OWN) {
            assertFalse(r.asString().isEmpty());
            assertEquals(List.of(OTHER_PARTNER), r.path("periods[0].partners.partnerId"), c + ": partners' rows");
        }
    }
}
