package org.estatehub.asset.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.Mvt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * GET /tiles/assets/{z}/{x}/{y}.mvt: tiles decoded as a map would read them (testing/Mvt), with who sees
 * what, the properties for styling, where features are drawn, disposed assets, caching, the bound at low
 * zooms and bad tile addresses. Each test puts its assets somewhere random in the Highlands at a zoom whose
 * tiles are a few hundred metres, so other tests' assets are not in them.
 */
@QuarkusTest
class AssetTileTest {

    static final String MVT = "application/vnd.mapbox-vector-tile";

    @Inject
    AgroalDataSource dataSource;

    /** A tile address and where in it (tile units, 0..4096 from the top left) a point falls. */
    record TileAt(int z, int x, int y, double px, double py) {
        String path() {
            return "/tiles/assets/" + z + "/" + x + "/" + y + ".mvt";
        }
    }

    /** Web Mercator XYZ tiling, written out here rather than asked of PostGIS. */
    static TileAt tileAt(int z, double lat, double lon) {
        double n = Math.pow(2, z);
        double fx = (lon + 180) / 360 * n;
        double latRad = Math.toRadians(lat);
        double fy = (1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n;
        int x = (int) Math.floor(fx);
        int y = (int) Math.floor(fy);
        return new TileAt(z, x, y, (fx - x) * 4096, (fy - y) * 4096);
    }

    /** A random place, to the register's precision (6 decimals, about 10 cm), so tiles place it exactly. */
    static double[] somewhere() {
        return new double[] {round(57.0 + Math.random() * 1.5), round(-5.5 + Math.random() * 2.5)};
    }

    static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    /** The latitude and longitude of the centre of tile (z, x, y). */
    static double[] centre(int z, int x, int y) {
        double n = Math.pow(2, z);
        double lon = (x + 0.5) / n * 360 - 180;
        double lat = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (y + 0.5) / n))));
        return new double[] {lat, lon};
    }

    static RequestSpecification tiles(String username) {
        return Api.as(username).accept(MVT);
    }

    /** The `assets` layer of a 200 tile; an empty list for a 204. */
    static List<Mvt.Feature> features(Response r) {
        if (r.statusCode() == 204) {
            return List.of();
        }
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals(MVT, r.contentType());
        Mvt.Layer layer = Mvt.layer(r.asByteArray(), "assets");
        assertEquals(2, layer.version());
        assertEquals(4096, layer.extent());
        return layer.features();
    }

    static Set<Object> ids(Response r) {
        return features(r).stream().map(f -> f.property("id")).collect(Collectors.toSet());
    }

    static String create(String name, double lat, double lon, Object... properties) {
        return AssetFixtures.createId("pmo.admin", AssetFixtures.with(AssetFixtures.asset(name, lat, lon), properties));
    }

    @Test
    void anOwnerOnlyAssetIsInItsOwnersTilesAndNoOtherPartners() {
        double[] p = somewhere();
        String token = AssetFixtures.token();
        String hidden = create("Hidden " + token, p[0], p[1], "ownerPartnerId", "dover", "visibility", "OWNER_ONLY");
        // At the same place, so that both are in the same tile wherever the place falls in it.
        String shared = create("Shared " + token, p[0], p[1], "ownerPartnerId", "maidstone");
        String path = tileAt(16, p[0], p[1]).path();

        assertEquals(Set.of(hidden, shared), ids(tiles("dover.editor").get(path)), "the owner");
        assertEquals(Set.of(hidden, shared), ids(tiles("pmo.admin").get(path)), "pmo-admin reads all");
        assertEquals(Set.of(hidden, shared), ids(tiles("board.member").get(path)), "board-member reads all");
        assertEquals(Set.of(shared), ids(tiles("maidstone.editor").get(path)), "another partner");
        assertEquals(Set.of(shared), ids(tiles("s151.officer").get(path)), "s151-officer (KCC)");
        assertEquals(Set.of(shared), ids(Api.asSystem("kent-police-system", Api.KENT_POLICE_SYSTEM_SECRET)
                .accept(MVT).get(path)), "a partner system");
        // Where only the hidden asset is, another partner gets an empty tile, exactly as for a tile of sea.
        double[] q = somewhere();
        create("Alone " + token, q[0], q[1], "ownerPartnerId", "dover", "visibility", "OWNER_ONLY");
        Response alone = tiles("maidstone.editor").get(tileAt(16, q[0], q[1]).path());
        assertEquals(204, alone.statusCode());
        // The ETag of a 204 is the hash of no bytes, the same as a tile of sea's, so it reveals nothing either.
        assertEquals(ETAG_OF_NOTHING, alone.header("ETag"));
    }

    /** The first 128 bits of the SHA-256 of no bytes, base64url. */
    static final String ETAG_OF_NOTHING = "\"47DEQpj8HBSa-_TImW-5JA\"";

    @Test
    void featuresCarryTheStylingPropertiesAndLieWhereTheAssetIs() {
        double[] p = somewhere();
        String token = AssetFixtures.token();
        String id = create("Styled " + token, p[0], p[1], "ownerPartnerId", "dover", "status", "UNDER_UTILISED",
                "assetType", "DEPOT", "utilisationPercent", 42.5);
        String unknown = create("Unknown " + token, p[0] + 0.0004, p[1], "utilisationPercent", null);
        for (int z : new int[] {10, 14, 18}) {
            TileAt at = tileAt(z, p[0], p[1]);
            Mvt.Feature f = features(tiles("maidstone.editor").get(at.path())).stream()
                    .filter(feature -> id.equals(feature.property("id"))).findFirst().orElseThrow();
            assertEquals(Mvt.POINT, f.type(), "z" + z);
            assertEquals("Styled " + token, f.property("name"));
            assertEquals("UNDER_UTILISED", f.property("status"));
            assertEquals("DEPOT", f.property("type"));
            assertEquals("dover", f.property("ownerPartnerId"));
            assertEquals("PARTNERSHIP", f.property("visibility"));
            assertEquals("E07000110", f.property("localAuthority"));
            assertEquals(42.5, ((Number) f.property("utilisationPercent")).doubleValue());
            assertEquals(1, f.points().size());
            // ST_AsMVTGeom snaps to the 4096 grid: within a unit of the point computed here.
            assertEquals(at.px(), f.first()[0], 1.0, "x in the tile at z" + z);
            assertEquals(at.py(), f.first()[1], 1.0, "y in the tile at z" + z);
        }
        Mvt.Feature withoutUtilisation = features(tiles("maidstone.editor").get(tileAt(16, p[0], p[1]).path()))
                .stream().filter(feature -> unknown.equals(feature.property("id"))).findFirst().orElseThrow();
        assertFalse(withoutUtilisation.properties().containsKey("utilisationPercent"), withoutUtilisation.toString());
    }

    @Test
    void aSiteBoundaryIsAPolygonFromZoom13AndAPointOnItBelow() throws Exception {
        double[] p = somewhere();
        String id = create("Site " + AssetFixtures.token(), p[0], p[1]);
        // Nothing writes boundaries through the API yet (issue #16's site boundaries): set one as a migration
        // or an import would, a 0.002° square north-east of the point.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update asset set boundary = ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326)) where id = cast(? as uuid)")) {
            s.setDouble(1, p[1]);
            s.setDouble(2, p[0]);
            s.setDouble(3, p[1] + 0.002);
            s.setDouble(4, p[0] + 0.002);
            s.setString(5, id);
            assertEquals(1, s.executeUpdate());
        }
        Mvt.Feature polygon = feature(tileAt(15, p[0] + 0.001, p[1] + 0.001), id);
        assertEquals(Mvt.POLYGON, polygon.type());
        assertTrue(polygon.points().size() >= 4, polygon.points().size() + " vertices");
        Mvt.Feature point = feature(tileAt(12, p[0] + 0.001, p[1] + 0.001), id);
        assertEquals(Mvt.POINT, point.type());
    }

    private static Mvt.Feature feature(TileAt at, String id) {
        return features(tiles("maidstone.editor").get(at.path())).stream()
                .filter(f -> id.equals(f.property("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + at.path()));
    }

    @Test
    void anAssetJustOutsideATileIsDrawnInItsBufferToo() {
        double[] p = somewhere();
        TileAt base = tileAt(16, p[0], p[1]);
        // 16 tile units (of 4096) east of the tile's east edge: inside the 64-unit buffer.
        double n = Math.pow(2, 16);
        double lon = (base.x() + 1 + 16.0 / 4096) / n * 360 - 180;
        String id = create("Edge " + AssetFixtures.token(), p[0], lon);
        Mvt.Feature inBuffer = feature(base, id);
        assertEquals(4096 + 16, inBuffer.first()[0], 1.0);
        Mvt.Feature own = feature(new TileAt(16, base.x() + 1, base.y(), 0, 0), id);
        assertEquals(16, own.first()[0], 1.0);
        // 200 units out is beyond the buffer.
        double far = (base.x() + 1 + 200.0 / 4096) / n * 360 - 180;
        String outside = create("Beyond " + AssetFixtures.token(), p[0], far);
        assertFalse(ids(tiles("maidstone.editor").get(base.path())).contains(outside));
    }

    @Test
    void disposedAssetsOnlyWhenAsked() {
        double[] p = somewhere();
        String id = create("Sold " + AssetFixtures.token(), p[0], p[1]);
        Response before = Api.as("pmo.admin").get("/assets/" + id);
        Api.as("pmo.admin").header("If-Match", before.header("ETag"))
                .body(Map.of("disposedOn", LocalDate.now().minusDays(1).toString(), "reason", "Sold"))
                .post("/assets/" + id + "/disposal").then().statusCode(200);
        String path = tileAt(16, p[0], p[1]).path();
        assertFalse(ids(tiles("maidstone.editor").get(path)).contains(id));
        Mvt.Feature disposed = features(tiles("maidstone.editor").get(path + "?includeDisposed=true")).stream()
                .filter(f -> id.equals(f.property("id"))).findFirst().orElseThrow();
        assertEquals("DISPOSED", disposed.property("status"));
    }

    @Test
    void privatelyCachedWithAnETagOfTheBytesAnd304WhileUnchanged() {
        double[] p = somewhere();
        String id = create("Cached " + AssetFixtures.token(), p[0], p[1]);
        String path = tileAt(16, p[0], p[1]).path();
        Response first = tiles("maidstone.editor").get(path);
        assertEquals(200, first.statusCode());
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), etag);
        assertEquals("private, max-age=60", first.header("Cache-Control"));
        assertEquals(etag, tiles("maidstone.editor").get(path).header("ETag"), "the same bytes, the same ETag");

        for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
            Response again = tiles("maidstone.editor").header("If-None-Match", ifNoneMatch).get(path);
            assertEquals(304, again.statusCode(), ifNoneMatch);
            assertEquals(etag, again.header("ETag"));
            assertEquals("private, max-age=60", again.header("Cache-Control"));
            assertEquals(0, again.asByteArray().length);
        }
        assertEquals(200, tiles("maidstone.editor").header("If-None-Match", "\"other\"").get(path).statusCode());

        // A change to an asset in the tile changes the tile, so the old ETag no longer answers 304.
        Response asset = Api.as("pmo.admin").get("/assets/" + id);
        Api.as("pmo.admin").header("If-Match", asset.header("ETag"))
                .body(AssetFixtures.with(AssetFixtures.asset("Renamed", p[0], p[1]), "uprn", asset.path("uprn"),
                        "ownReference", asset.path("ownReference")))
                .put("/assets/" + id).then().statusCode(200);
        Response changed = tiles("maidstone.editor").header("If-None-Match", etag).get(path);
        assertEquals(200, changed.statusCode());
        assertNotEquals(etag, changed.header("ETag"));
        assertTrue(features(changed).stream().anyMatch(f -> "Renamed".equals(f.property("name"))));

        // The problem of a bad address is no-store, like every other.
        Response bad = Api.badRequestAs("maidstone.editor").accept(MVT).get("/tiles/assets/23/0/0.mvt");
        assertEquals(400, bad.statusCode());
        assertEquals("no-store", bad.header("Cache-Control"));
    }

    @Test
    void anEmptyTileIs204WithTheSameCaching() {
        // The North Atlantic, west of Ireland: the register holds only UK locations.
        TileAt sea = tileAt(12, 54.0, -20.0);
        Response r = tiles("pmo.admin").get(sea.path());
        assertEquals(204, r.statusCode());
        assertEquals("private, max-age=60", r.header("Cache-Control"));
        assertEquals(0, r.asByteArray().length);
        assertEquals(ETAG_OF_NOTHING, r.header("ETag"));
        assertEquals(304, tiles("pmo.admin").header("If-None-Match", r.header("ETag")).get(sea.path()).statusCode());
    }

    @Test
    void aCrowdedTileHoldsTheLowestIdsUpToTheCap() throws Exception {
        TileAt tile = tileAt(12, somewhere()[0], somewhere()[1]);
        double[] p = centre(12, tile.x(), tile.y());
        String token = AssetFixtures.token();
        // 10,050 assets within ~200 m in the middle of a z12 tile (~5 km), inserted in SQL (the API would take minutes), removed afterwards so
        // that no other test meets them.
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into asset (id, owner_partner_id, name, asset_type,"
                    + " land_only, latitude, longitude, status, visibility, local_authority)"
                    + " select gen_random_uuid(), 'dover', ? || i, 'OFFICE', false, ? + random() * 0.002,"
                    + " ? + random() * 0.002, 'OPERATIONAL', 'PARTNERSHIP', 'E07000108' from generate_series(1, 10050) i")) {
                s.setString(1, "Crowd " + token + " ");
                s.setDouble(2, p[0]);
                s.setDouble(3, p[1]);
                s.executeUpdate();
            }
            try {
                List<String> lowest = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(
                        "select cast(id as text) from asset where name like ? order by id limit 10000");) {
                    s.setString(1, "Crowd " + token + " %");
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            lowest.add(rows.getString(1));
                        }
                    }
                }
                List<Mvt.Feature> features = features(tiles("maidstone.editor").get(tile.path()));
                assertEquals(10_000, features.size());
                assertEquals(Set.copyOf(lowest), features.stream().map(f -> f.property("id")).collect(Collectors.toSet()));
            } finally {
                try (PreparedStatement s = c.prepareStatement("delete from asset where name like ?")) {
                    s.setString(1, "Crowd " + token + " %");
                    assertEquals(10050, s.executeUpdate());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource({
            "/tiles/assets/23/0/0.mvt, z",
            "/tiles/assets/-1/0/0.mvt, z",
            "/tiles/assets/a/0/0.mvt, z",
            "/tiles/assets/3/8/0.mvt, x",
            "/tiles/assets/0/1/0.mvt, x",
            "/tiles/assets/3/-1/0.mvt, x",
            "/tiles/assets/3/0/8.mvt, y",
            "/tiles/assets/22/0/4194304.mvt, y",
            "/tiles/assets/3/0/1e1.mvt, y",
            "/tiles/assets/3/0/0.mvt?includeDisposed=maybe, includeDisposed"})
    void badTileAddresses(String path, String field) {
        Response r = Api.badRequestAs("maidstone.editor").accept(MVT).urlEncodingEnabled(false).get(path);
        assertEquals(400, r.statusCode(), path + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), path);
        assertEquals(List.of(field), r.jsonPath().getList("errors.field", String.class), path);
    }
}
