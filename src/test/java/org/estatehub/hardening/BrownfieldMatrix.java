package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.OTHER_PARTNER;
import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.nothingCreatedIfRefused;
import static org.estatehub.hardening.TenancyMatrix.partnerOf;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.unchangedIfRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.estatehub.brownfield.BrownfieldFixtures;
import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.BoundaryFixtures;

import io.restassured.response.Response;

/**
 * The tenancy matrix for brownfield land register sites: public registers, so everyone reads every
 * partner's sites in every read path; only the owner's editors and the programme office import them or
 * change their links.
 */
final class BrownfieldMatrix {

    private BrownfieldMatrix() {
    }

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("searchBrownfieldSites",     Scope.OTHER, all(200)),
        row("getBrownfieldSite",         Scope.OWN,   all(200)),
        row("getBrownfieldSite",         Scope.OTHER, all(200)),
        row("updateBrownfieldSiteLinks", Scope.OWN,   200, 200, 403, 403, 403, 200, 403),
        row("updateBrownfieldSiteLinks", Scope.OTHER, 200, 403, 403, 403, 403, 403, 403),
        row("setBrownfieldSiteBoundary", Scope.OWN,   200, 200, 403, 403, 403, 200, 403),
        row("setBrownfieldSiteBoundary", Scope.OTHER, 200, 403, 403, 403, 403, 403, 403),
        row("deleteBrownfieldSiteBoundary", Scope.OWN,   200, 200, 403, 403, 403, 200, 403),
        row("deleteBrownfieldSiteBoundary", Scope.OTHER, 200, 403, 403, 403, 403, 403, 403),
        row("importBrownfieldSites",     Scope.OWN,   200, 200, 403, 403, 403, 200, 403),
        row("importBrownfieldSites",     Scope.OTHER, 200, 403, 403, 403, 403, 403, 403),
        row("exportBrownfieldSites",     Scope.OTHER, all(200)));

    static void exercise(Case c) {
        switch (c.operation()) {
            case "searchBrownfieldSites" -> search(c);
            case "getBrownfieldSite" -> get(c);
            case "updateBrownfieldSiteLinks" -> links(c);
            case "setBrownfieldSiteBoundary" -> setBoundary(c);
            case "deleteBrownfieldSiteBoundary" -> deleteBoundary(c);
            case "importBrownfieldSites" -> importSites(c);
            case "exportBrownfieldSites" -> export(c);
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    private static void search(Case c) {
        String token = AssetFixtures.token();
        String id = BrownfieldFixtures.site(partnerOf(c), token);
        for (String filter : List.of("", "&localAuthority=E10000016")) {
            Response r = c.caller().api().get("/brownfield-sites?q=" + token + filter);
            expect(c, r);
            assertEquals(1, (int) r.path("total"), c + filter + ": another partner's public site");
        }
        Response map = c.caller().api().accept("application/geo+json").get("/brownfield-sites?q=" + token);
        expect(c, map);
        assertTrue(map.asString().contains(id), c + ": the site on the map");
    }

    private static void get(Case c) {
        String token = AssetFixtures.token();
        String id = BrownfieldFixtures.site(partnerOf(c), token);
        Response r = c.caller().api().get("/brownfield-sites/" + id);
        expect(c, r);
        assertEquals("T-" + token, r.path("siteReference"));
    }

    private static void links(Case c) {
        String id = BrownfieldFixtures.site(partnerOf(c), AssetFixtures.token());
        String path = "/brownfield-sites/" + id;
        Response before = Api.as("pmo.admin").get(path);
        String project = Api.as("pmo.admin").get("/projects?q=Tonbridge Road Car Park").path("items[0].id");
        Response r = c.caller().api().header("If-Match", before.header("ETag")).body(Map.of("projectId", project))
                .put(path + "/links");
        expect(c, r);
        unchangedIfRefused(c, path, before);
    }

    private static void setBoundary(Case c) {
        String path = "/brownfield-sites/" + BrownfieldFixtures.site(partnerOf(c), AssetFixtures.token());
        Response before = Api.as("pmo.admin").get(path);
        Response r = c.caller().api().header("If-Match", before.header("ETag")).body(BoundaryFixtures.hectare())
                .put(path + "/boundary");
        expect(c, r);
        unchangedIfRefused(c, path, before);
    }

    private static void deleteBoundary(Case c) {
        String path = "/brownfield-sites/" + BrownfieldFixtures.site(partnerOf(c), AssetFixtures.token());
        Response fresh = Api.as("pmo.admin").get(path);
        Api.as("pmo.admin").header("If-Match", fresh.header("ETag")).body(BoundaryFixtures.hectare())
                .put(path + "/boundary").then().statusCode(200);
        Response before = Api.as("pmo.admin").get(path);
        Response r = c.caller().api().header("If-Match", before.header("ETag")).delete(path + "/boundary");
        expect(c, r);
        unchangedIfRefused(c, path, before);
    }

    private static void importSites(Case c) {
        String token = AssetFixtures.token();
        String csv = "reference,name,hectares\nT-" + token + ",Imported " + token + ",0.4\n";
        String query = c.scope() == Scope.OWN ? "" : "?ownerPartnerId=" + OTHER_PARTNER;
        Response r = BrownfieldFixtures.csv(c.caller().api(), "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                .post("/brownfield-sites/import" + query);
        expect(c, r);
        nothingCreatedIfRefused(c, "/brownfield-sites?q=" + token);
        if (!TenancyMatrix.refused(c)) {
            assertEquals(partnerOf(c), Api.as("pmo.admin").get("/brownfield-sites?q=" + token).path("items[0].ownerPartnerId"));
        }
    }

    private static void export(Case c) {
        String token = AssetFixtures.token();
        BrownfieldFixtures.site(partnerOf(c), token);
        Response r = c.caller().api().accept("text/csv").get("/brownfield-sites/export?localAuthority=E10000016");
        expect(c, r);
        assertTrue(r.asString().contains("T-" + token), c + ": another partner's public site in the export");
    }
}
