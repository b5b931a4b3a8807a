package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.asset;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.noLeak;
import static org.estatehub.hardening.TenancyMatrix.partnerOf;
import static org.estatehub.hardening.TenancyMatrix.project;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.seesAllAssets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.estatehub.hardening.TenancyMatrix.Caller;
import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.AssetFixtures;

import io.restassured.response.Response;

/** The tenancy matrix for records' audit histories and the change feed. */
final class HistoryMatrix {

    private HistoryMatrix() {
    }

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("getPartnerHistory", Scope.OWN,           all(200)),
        row("getPartnerHistory", Scope.OTHER,         all(200)),
        row("getAssetHistory",   Scope.OWN,           all(200)),
        row("getAssetHistory",   Scope.OTHER,         all(200)),
        row("getAssetHistory",   Scope.OTHER_PRIVATE, 200, 404, 404, 404, 200, 404, 404),
        row("getProjectHistory", Scope.OWN,           all(200)),
        row("getProjectHistory", Scope.OTHER,         200, 403, 403, 200, 200, 403, 403),
        row("listChangeEvents",  Scope.OTHER_PRIVATE, all(200)));

    static void exercise(Case c) {
        switch (c.operation()) {
            case "getPartnerHistory" -> expect(c, c.caller().api().get("/partners/" + partnerOf(c) + "/history"));
            case "getAssetHistory" -> getAssetHistory(c);
            case "getProjectHistory" -> getProjectHistory(c);
            case "listChangeEvents" -> listChangeEvents(c);
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    private static void getAssetHistory(Case c) {
        String token = AssetFixtures.token();
        String id = asset(c, token);
        Response r = c.caller().api().get("/assets/" + id + "/history");
        expect(c, r);
        noLeak(c, r, token);
    }

    private static void getProjectHistory(Case c) {
        String token = AssetFixtures.token();
        String id = project(c, token, false);
        Response r = c.caller().api().get("/projects/" + id + "/history");
        expect(c, r);
        noLeak(c, r, token);
    }

    /** Another partner's OWNER_ONLY asset, created after the caller caught up, must not reach its feed. */
    private static void listChangeEvents(Case c) {
        List<String> ignored = new ArrayList<>();
        String callerStart = feedEnd(c.caller(), null, ignored);
        String pmoCursor = feedEnd(Caller.PMO_ADMIN, null, ignored);
        String hidden = asset(c, AssetFixtures.token());
        // Wait until the feed has moved past the asset's creation (the programme office sees it).
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<String> pages = new ArrayList<>();
            pmoCursor = feedEnd(Caller.PMO_ADMIN, pmoCursor, pages);
            if (pages.stream().anyMatch(p -> p.contains(hidden))) {
                break;
            }
            assertTrue(System.currentTimeMillis() < deadline, c + ": the feed never delivered the asset");
            sleep(100);
        }
        Response r = c.caller().api().get("/events?limit=500&after=" + callerStart);
        expect(c, r);
        List<String> pages = new ArrayList<>();
        pages.add(r.asString());
        if ((boolean) r.path("hasMore")) {
            feedEnd(c.caller(), r.path("nextCursor"), pages);
        }
        assertEquals(seesAllAssets(c.caller()), pages.stream().anyMatch(p -> p.contains(hidden)),
                c + ": another partner's OWNER_ONLY asset in the feed");
    }

    /** Reads the change feed as the caller from `after` until caught up; returns the cursor to carry on from. */
    private static String feedEnd(Caller caller, String after, List<String> pages) {
        String cursor = after;
        while (true) {
            Response r = caller.api().get("/events?limit=500" + (cursor == null ? "" : "&after=" + cursor));
            assertEquals(200, r.statusCode(), r.asString());
            pages.add(r.asString());
            cursor = r.path("nextCursor");
            if (!(boolean) r.path("hasMore")) {
                return cursor;
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
