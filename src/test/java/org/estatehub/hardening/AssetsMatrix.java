package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.OTHER_PARTNER;
import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.asset;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.noLeak;
import static org.estatehub.hardening.TenancyMatrix.nothingCreatedIfRefused;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.seesAllAssets;
import static org.estatehub.hardening.TenancyMatrix.unchangedIfRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.BoundaryFixtures;
import org.estatehub.testing.Mvt;

import io.restassured.response.Response;

/**
 * The tenancy matrix for the land and property register: OWNER_ONLY assets of another partner are
 * found by no one but the programme office and the board, in any read path.
 */
final class AssetsMatrix {

    private AssetsMatrix() {
    }

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("searchAssets",                Scope.OTHER_PRIVATE, all(200)),
        row("getAsset",                    Scope.OWN,           all(200)),
        row("getAsset",                    Scope.OWN_PRIVATE,   all(200)),
        row("getAsset",                    Scope.OTHER,         all(200)),
        row("getAsset",                    Scope.OTHER_PRIVATE, 200, 404, 404, 404, 200, 404, 404),
        row("createAsset",                 Scope.OWN,           201, 201, 403, 403, 403, 201, 403),
        row("createAsset",                 Scope.OTHER,         201, 403, 403, 403, 403, 403, 403),
        row("updateAsset",                 Scope.OWN,           200, 200, 403, 403, 403, 200, 403),
        row("updateAsset",                 Scope.OWN_PRIVATE,   200, 200, 403, 403, 403, 200, 403),
        row("updateAsset",                 Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        row("updateAsset",                 Scope.OTHER_PRIVATE, 200, 404, 404, 404, 403, 404, 404),
        row("disposeAsset",                Scope.OWN,           200, 200, 403, 403, 403, 200, 403),
        row("disposeAsset",                Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        row("disposeAsset",                Scope.OTHER_PRIVATE, 200, 404, 404, 404, 403, 404, 404),
        row("getAssetStatusHistory",       Scope.OWN,           all(200)),
        row("getAssetStatusHistory",       Scope.OTHER,         all(200)),
        row("getAssetStatusHistory",       Scope.OTHER_PRIVATE, 200, 404, 404, 404, 200, 404, 404),
        row("findCoLocationOpportunities", Scope.OTHER_PRIVATE, all(200)),
        row("importAssets",                Scope.OWN,           200, 200, 403, 403, 403, 200, 403),
        row("importAssets",                Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        row("exportAssets",                Scope.OTHER_PRIVATE, all(200)),
        row("getAssetTile",                Scope.OWN_PRIVATE,   all(200)),
        row("getAssetTile",                Scope.OTHER_PRIVATE, all(200)));

    static void exercise(Case c) {
        switch (c.operation()) {
            case "searchAssets" -> searchAssets(c);
            case "getAsset" -> getAsset(c);
            case "getAssetStatusHistory" -> getAssetStatusHistory(c);
            case "createAsset" -> createAsset(c);
            case "updateAsset" -> updateAsset(c);
            case "disposeAsset" -> disposeAsset(c);
            case "findCoLocationOpportunities" -> findCoLocationOpportunities(c);
            case "importAssets" -> importAssets(c);
            case "exportAssets" -> exportAssets(c);
            case "getAssetTile" -> getAssetTile(c);
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    private static void searchAssets(Case c) {
        String token = AssetFixtures.token();
        String hidden = asset(c, token);
        boolean seesAll = seesAllAssets(c.caller());
        // Unfiltered, by its own authority (Maidstone), by its county (Kent: one query over the county's
        // districts), around its point (the page and its count in one pass), nearest first with a bounded
        // total, with and without a radius, and as a map: the same rule in every form of the search.
        for (String filter : List.of("", "&localAuthority=E07000110", "&localAuthority=E10000016",
                "&nearLat=51.27&nearLon=0.52&radiusM=100", "&nearLat=51.27&nearLon=0.52&sort=distance&total=bounded",
                "&nearLat=51.27&nearLon=0.52&radiusM=100&sort=distance&total=bounded")) {
            Response r = c.caller().api().get("/assets?includeDisposed=true&q=" + token + filter);
            expect(c, r);
            assertEquals(seesAll ? 1 : 0, (int) r.path("total"), c + filter + ": total");
            assertEquals(seesAll, r.asString().contains(hidden), c + filter + ": the OWNER_ONLY asset in the page");
        }
        for (String filter : List.of("&localAuthority=E10000016", "&nearLat=51.27&nearLon=0.52&sort=distance&total=bounded")) {
            Response map = c.caller().api().accept("application/geo+json")
                    .get("/assets?includeDisposed=true&q=" + token + filter);
            expect(c, map);
            assertEquals(seesAll ? 1 : 0, (int) map.path("total"), c + filter + ": map total");
            assertEquals(seesAll, map.asString().contains(hidden), c + filter + ": the OWNER_ONLY asset on the map");
        }
    }

    private static void getAsset(Case c) {
        String token = AssetFixtures.token();
        String id = asset(c, token);
        Response r = c.caller().api().get("/assets/" + id);
        expect(c, r);
        noLeak(c, r, token);
    }

    private static void getAssetStatusHistory(Case c) {
        String id = asset(c, AssetFixtures.token());
        Response r = c.caller().api().get("/assets/" + id + "/status-history");
        expect(c, r);
        noLeak(c, r, "Registered");
    }

    private static void createAsset(Case c) {
        String token = AssetFixtures.token();
        Map<String, Object> input = AssetFixtures.with(AssetFixtures.asset("Matrix " + token, 51.27, 0.52),
                "ownerPartnerId", c.scope() == Scope.OWN ? null : OTHER_PARTNER);
        expect(c, c.caller().api().body(input).post("/assets"));
        nothingCreatedIfRefused(c, "/assets?includeDisposed=true&q=" + token);
    }

    private static void updateAsset(Case c) {
        String token = AssetFixtures.token();
        String path = "/assets/" + asset(c, token);
        Response before = Api.as("pmo.admin").get(path);
        // With a boundary (#16): a refused caller's outline is written no more than its other fields.
        Map<String, Object> input = AssetFixtures.with(AssetFixtures.asset("Changed " + token, 51.27, 0.52),
                "visibility", before.path("visibility"), "uprn", before.path("uprn"),
                "ownReference", before.path("ownReference"), "boundary", BoundaryFixtures.hectare());
        Response r = c.caller().api().header("If-Match", before.header("ETag")).body(input).put(path);
        expect(c, r);
        unchangedIfRefused(c, path, before);
        unchangedIfRefused(c, path + "/status-history", Api.as("pmo.admin").get(path + "/status-history"));
    }

    private static void disposeAsset(Case c) {
        String token = AssetFixtures.token();
        String path = "/assets/" + asset(c, token);
        Response before = Api.as("pmo.admin").get(path);
        Response history = Api.as("pmo.admin").get(path + "/status-history");
        Response r = c.caller().api().header("If-Match", before.header("ETag"))
                .body(Map.of("disposedOn", LocalDate.now().minusDays(1).toString(), "reason", "Sold " + token))
                .post(path + "/disposal");
        expect(c, r);
        unchangedIfRefused(c, path, before);
        unchangedIfRefused(c, path + "/status-history", history);
    }

    private static void findCoLocationOpportunities(Case c) {
        String token = AssetFixtures.token();
        // Dover's OWNER_ONLY asset beside a shared Maidstone one, somewhere no other test puts assets.
        double lat = 58.0 + Math.random() * 0.5;
        double lon = -5.0 + Math.random() * 0.5;
        String hidden = AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Hidden " + token, lat, lon), "ownerPartnerId", OTHER_PARTNER,
                "visibility", "OWNER_ONLY"));
        AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Shared " + token, lat + 0.0001, lon), "ownerPartnerId", "maidstone"));
        // The box keeps this pair's cluster on the first page however many clusters other tests have made.
        String box = "&bbox=" + (lon - 0.01) + "," + (lat - 0.01) + "," + (lon + 0.01) + "," + (lat + 0.01);
        Response r = c.caller().api().get("/assets/co-location?distanceM=100" + box);
        expect(c, r);
        assertEquals(seesAllAssets(c.caller()), r.asString().contains(hidden), c + ": the OWNER_ONLY asset in a cluster");
        // Without the hidden asset the shared one is alone: no cluster, so none counts, totals or draws it.
        assertEquals(seesAllAssets(c.caller()) ? 1 : 0, r.jsonPath().getInt("total"),
                c + ": clusters counted with the OWNER_ONLY asset");
        Response county = c.caller().api().get("/assets/co-location?distanceM=100&localAuthority=E10000016" + box);
        expect(c, county);
        assertEquals(seesAllAssets(c.caller()), county.asString().contains(hidden),
                c + ": the OWNER_ONLY asset in a cluster of the county's");
        assertEquals(seesAllAssets(c.caller()) ? 1 : 0, county.jsonPath().getInt("total"),
                c + ": clusters of the county's counted with the OWNER_ONLY asset");
    }

    private static void importAssets(Case c) {
        String token = AssetFixtures.token();
        String csv = "UPRN,Unique Asset ID,Name,Street,Post town,Postcode,Local authority,X co-ordinate,Y co-ordinate,"
                + "Tenure,Asset type,Land only\n"
                + AssetFixtures.uprn() + ",M-" + token + ",Imported " + token
                + ",King Street,Maidstone,ME15 6JQ,E07000110,576086,155747,Freehold,Office,no\n";
        String query = c.scope() == Scope.OWN ? "" : "?ownerPartnerId=" + OTHER_PARTNER;
        Response r = c.caller().api().contentType("text/csv; charset=UTF-8").body(csv)
                .post("/assets/import" + query);
        expect(c, r);
        nothingCreatedIfRefused(c, "/assets?includeDisposed=true&q=" + token);
    }

    private static void exportAssets(Case c) {
        String token = AssetFixtures.token();
        asset(c, token);
        // Every layout (the default, lga, over the whole register and by county; the others over the hidden
        // asset's owner, so that a register of 100,000 assets is not written six times per caller).
        for (String filter : List.of("", "&localAuthority=E10000016", "&layout=lga&partner=" + OTHER_PARTNER,
                "&layout=transparency-2014&partner=" + OTHER_PARTNER, "&layout=epims&partner=" + OTHER_PARTNER)) {
            Response r = c.caller().api().accept("text/csv").get("/assets/export?includeDisposed=true" + filter);
            expect(c, r);
            assertEquals(seesAllAssets(c.caller()), r.asString().contains(token),
                    c + filter + ": the OWNER_ONLY asset in the export");
        }
    }

    /**
     * An OWNER_ONLY asset (the caller's partner's, or Dover's) at the same place as a shared one, somewhere no other test puts
     * assets, in the tiles of three zooms (a point at 10 and 14, the zoom of its own street at 17), decoded:
     * the owner, pmo-admin and board-member find it; nobody else does, though the shared one is there.
     */
    private static void getAssetTile(Case c) {
        String token = AssetFixtures.token();
        double lat = Math.round((55.5 + Math.random() * 1.0) * 1e6) / 1e6;
        double lon = Math.round((-4.5 + Math.random() * 1.0) * 1e6) / 1e6;
        String owner = c.scope() == Scope.OWN_PRIVATE ? c.caller().partner : OTHER_PARTNER;
        String hidden = AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Hidden " + token, lat, lon), "ownerPartnerId", owner, "visibility", "OWNER_ONLY"));
        String shared = AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Shared " + token, lat, lon), "ownerPartnerId", "maidstone"));
        boolean sees = c.scope() == Scope.OWN_PRIVATE || seesAllAssets(c.caller());
        for (int z : new int[] {10, 14, 17}) {
            double n = Math.pow(2, z);
            int x = (int) Math.floor((lon + 180) / 360 * n);
            double latRad = Math.toRadians(lat);
            int y = (int) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n);
            for (String query : List.of("", "?includeDisposed=true")) {
                Response r = c.caller().api().accept("application/vnd.mapbox-vector-tile")
                        .get("/tiles/assets/" + z + "/" + x + "/" + y + ".mvt" + query);
                expect(c, r);
                List<Object> ids = Mvt.layer(r.asByteArray(), "assets").values("id");
                assertTrue(ids.contains(shared), c + " z" + z + query + ": the shared asset");
                assertEquals(sees, ids.contains(hidden), c + " z" + z + query + ": the OWNER_ONLY asset in the tile");
            }
        }
    }
}
