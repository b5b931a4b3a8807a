package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.asset;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.noLeak;
import static org.estatehub.hardening.TenancyMatrix.nothingCreatedIfRefused;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.seesAllAssets;
import static org.estatehub.hardening.TenancyMatrix.unchangedIfRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;

import io.restassured.response.Response;

/**
 * The tenancy matrix for occupations: the asset's sharing decides who finds them (OWNER_ONLY: the owner,
 * the occupier and the readers of everything); only the owner, the occupier and the readers of everything
 * read the rent; the owner's editors and pmo-admin write.
 */
final class OccupationsMatrix {

    private OccupationsMatrix() {
    }

    /** A yearly rent no other record has, to look for in refusals and withheld reads. */
    private static final String RENT = "31415.92";

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("listAssetOccupations", Scope.OWN,           all(200)),
        row("listAssetOccupations", Scope.OTHER,         all(200)),
        row("listAssetOccupations", Scope.OTHER_PRIVATE, 200, 404, 404, 404, 200, 404, 404),
        row("createOccupation",     Scope.OWN,           201, 201, 403, 403, 403, 201, 403),
        row("createOccupation",     Scope.OTHER,         201, 403, 403, 403, 403, 403, 403),
        row("createOccupation",     Scope.OTHER_PRIVATE, 201, 404, 404, 404, 403, 404, 404),
        row("getOccupation",        Scope.OWN,           all(200)),
        row("getOccupation",        Scope.OTHER,         all(200)),
        row("getOccupation",        Scope.OTHER_PRIVATE, 200, 404, 404, 404, 200, 404, 404),
        row("updateOccupation",     Scope.OWN,           200, 200, 403, 403, 403, 200, 403),
        row("updateOccupation",     Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        row("updateOccupation",     Scope.OTHER_PRIVATE, 200, 404, 404, 404, 403, 404, 404),
        row("getOccupationHistory", Scope.OWN,           all(200)),
        row("getOccupationHistory", Scope.OTHER,         all(200)),
        row("getOccupationHistory", Scope.OTHER_PRIVATE, 200, 404, 404, 404, 200, 404, 404),
        row("listOccupationLeaseEvents", Scope.OWN,           all(200)),
        row("listOccupationLeaseEvents", Scope.OTHER,         all(200)),
        row("listOccupationLeaseEvents", Scope.OTHER_PRIVATE, all(200)),
        row("listUnderUsedOccupations",  Scope.OWN,           all(200)),
        row("listUnderUsedOccupations",  Scope.OTHER,         all(200)),
        row("listUnderUsedOccupations",  Scope.OTHER_PRIVATE, all(200)),
        row("getOccupationDashboard",    Scope.OWN,           all(200)),
        row("getOccupationDashboard",    Scope.OTHER,         all(200)),
        row("getOccupationDashboard",    Scope.OTHER_PRIVATE, all(200)));

    static void exercise(Case c) {
        switch (c.operation()) {
            case "listAssetOccupations" -> list(c);
            case "createOccupation" -> create(c);
            case "getOccupation" -> get(c, "");
            case "updateOccupation" -> update(c);
            case "getOccupationHistory" -> get(c, "/history");
            case "listOccupationLeaseEvents" -> leaseEvents(c, "/occupations/lease-events?withinMonths=120");
            case "listUnderUsedOccupations" -> leaseEvents(c, "/occupations/under-used?belowPercent=100");
            case "getOccupationDashboard" -> dashboard(c);
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    /** An outside body's lease (never the caller's partner, so the caller reads it as owner or not at all). */
    static Map<String, Object> lease(String token) {
        Map<String, Object> o = new HashMap<>();
        o.put("occupierName", "Matrix tenant " + token);
        o.put("basis", "LEASE");
        o.put("areaM2", 100);
        o.put("yearlyRent", Map.of("amount", RENT, "currency", "GBP"));
        o.put("startsOn", "2024-01-01");
        o.put("endsOn", "2030-12-31");
        return o;
    }

    private static String occupation(String asset, String token) {
        return Api.as("pmo.admin").body(lease(token)).post("/assets/" + asset + "/occupations").then().statusCode(201)
                .extract().path("id");
    }

    /** Only the owner and the readers of everything read the rent of an outside occupier's lease. */
    private static boolean readsRent(Case c) {
        return seesAllAssets(c.caller()) || c.scope() == Scope.OWN;
    }

    private static void list(Case c) {
        String token = AssetFixtures.token();
        String asset = asset(c, token);
        occupation(asset, token);
        Response r = c.caller().api().get("/assets/" + asset + "/occupations");
        expect(c, r);
        noLeak(c, r, token);
        if (!TenancyMatrix.refused(c)) {
            assertEquals(1, (int) r.path("total"), c + ": occupations listed");
            assertEquals(readsRent(c), r.asString().contains(RENT), c + ": rent read " + r.asString());
        }
    }

    /**
     * The lease-event lists: an NHS occupation (a partner none of the callers belongs to) ending within two
     * years, of an asset whose utilisation (75%) is below 100. The ends list follows the occupation's read
     * rules (an OWNER_ONLY asset's only to the readers of everything here), rent to full readers only; the
     * under-used list holds only occupations the caller reads in full (the owner, the readers of everything).
     */
    private static void leaseEvents(Case c, String path) {
        String token = AssetFixtures.token();
        String asset = asset(c, token);
        Map<String, Object> body = lease(token);
        body.remove("occupierName");
        body.put("occupierPartnerId", "nhs-kent-medway");
        body.put("endsOn", java.time.LocalDate.now().plusYears(2).toString());
        String id = Api.as("pmo.admin").body(body).post("/assets/" + asset + "/occupations").then().statusCode(201)
                .extract().path("id");
        boolean underUsed = path.contains("under-used");
        Map<String, Object> item = null;
        // The CSV form of the same pages (Accept: text/csv): the same rows under the same rules.
        String csvLine = null;
        for (int offset = 0; ; offset += 500) {
            String page = path + "&occupierPartnerId=nhs-kent-medway&limit=500&offset=" + offset;
            Response r = c.caller().api().get(page);
            expect(c, r);
            if (item == null) {
                item = r.path("items.find { it.occupation.id == '" + id + "' }.occupation");
            }
            Response csv = c.caller().api().accept("text/csv").get(page);
            expect(c, csv);
            if (csvLine == null) {
                csvLine = csv.asString().lines().filter(l -> l.contains(id)).findFirst().orElse(null);
            }
            if (offset + 500 >= (int) r.path("total")) {
                break;
            }
        }
        boolean readable = seesAllAssets(c.caller()) || c.scope() != Scope.OTHER_PRIVATE;
        assertEquals(underUsed ? readsRent(c) : readable, item != null, c + ": occupation listed");
        assertEquals(item != null, csvLine != null, c + ": occupation listed in the CSV");
        if (item != null) {
            assertEquals(readsRent(c), String.valueOf(item).contains(RENT), c + ": rent read " + item);
            assertEquals(!readsRent(c), item.get("commercialTermsWithheld"), c + ": terms withheld");
            assertEquals(readsRent(c), csvLine.contains("," + RENT + ","), c + ": rent read in the CSV " + csvLine);
            assertTrue(csvLine.endsWith(readsRent(c) ? ",no" : ",yes") || underUsed, c + ": terms withheld in the CSV " + csvLine);
        }
    }

    /**
     * The dashboard's savings realised: an ended lease under a fresh project counts for the project only
     * where the caller reads the lease in full (the asset's owner, the readers of everything), rent exact.
     */
    private static void dashboard(Case c) {
        String token = AssetFixtures.token();
        String asset = asset(c, token);
        String project = org.estatehub.testing.ProjectFixtures.createId("pmo.admin",
                org.estatehub.testing.ProjectFixtures.project("Matrix move " + token));
        Map<String, Object> body = lease(token);
        body.put("endsOn", "2025-12-31");
        body.put("projectId", project);
        Api.as("pmo.admin").body(body).post("/assets/" + asset + "/occupations").then().statusCode(201);
        Response r = c.caller().api().get("/dashboards/occupations");
        expect(c, r);
        Map<String, Object> row = r.path("savingsRealised.byProject.find { it.projectId == '" + project + "' }");
        assertEquals(readsRent(c), row != null, c + ": the project's savings listed " + row);
        if (row != null) {
            assertEquals(Map.of("amount", RENT, "currency", "GBP"), row.get("yearlyRent"), c + ": rent summed");
        }
    }

    private static void create(Case c) {
        String token = AssetFixtures.token();
        String asset = asset(c, token);
        Response r = c.caller().api().body(lease(token)).post("/assets/" + asset + "/occupations");
        expect(c, r);
        nothingCreatedIfRefused(c, "/assets/" + asset + "/occupations");
    }

    private static void get(Case c, String suffix) {
        String token = AssetFixtures.token();
        String path = "/occupations/" + occupation(asset(c, token), token) + suffix;
        Response r = c.caller().api().get(path);
        expect(c, r);
        noLeak(c, r, token);
        noLeak(c, r, RENT);
        if (!TenancyMatrix.refused(c)) {
            assertEquals(readsRent(c), r.asString().contains(RENT), c + ": rent read " + r.asString());
        }
    }

    private static void update(Case c) {
        String token = AssetFixtures.token();
        String path = "/occupations/" + occupation(asset(c, token), token);
        Response before = Api.as("pmo.admin").get(path);
        Response history = Api.as("pmo.admin").get(path + "/history");
        Map<String, Object> changed = lease(token);
        changed.put("endsOn", "2031-12-31");
        Response r = c.caller().api().header("If-Match", before.header("ETag")).body(changed).put(path);
        expect(c, r);
        if (!TenancyMatrix.refused(c)) {
            assertFalse(r.asString().contains("2030-12-31"), c + ": not changed");
        }
        unchangedIfRefused(c, path, before);
        unchangedIfRefused(c, path + "/history", history);
    }
}
