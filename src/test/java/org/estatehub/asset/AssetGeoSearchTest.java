package org.estatehub.asset;

import static org.estatehub.testing.AssetFixtures.asset;
import static org.estatehub.testing.AssetFixtures.createId;
import static org.estatehub.testing.AssetFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Radius, bounding box and nearest-first on PostGIS (#16), on points placed by ST_Project on the WGS84
 * spheroid at 999.5 m and 1,000.5 m from four centres from Cornwall to Shetland, in the four compass
 * directions (coordinates rounded to the register's 6 decimals, which moves none of them by more than
 * 0.03 m). The old search's box (111,320 m a degree against a 6,371 km sphere) lost the points 999.5 m
 * due north and south. Every search is narrowed to this class's assets by their name token.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssetGeoSearchTest {

    /** centre name, centre latitude, longitude, then per direction N, E, S, W: lat, lon at 999.5 m and at 1,000.5 m. */
    private static final Object[][] CENTRES = {
        { "penzance", 50.12, -5.53, new double[][] {
            { 50.128986, -5.530000, 50.128995, -5.530000 }, { 50.119999, -5.516024, 50.119999, -5.516010 },
            { 50.111014, -5.530000, 50.111005, -5.530000 }, { 50.119999, -5.543976, 50.119999, -5.543990 } } },
        { "maidstone", 51.27, 0.52, new double[][] {
            { 51.278984, 0.520000, 51.278993, 0.520000 }, { 51.269999, 0.534322, 51.269999, 0.534336 },
            { 51.261016, 0.520000, 51.261007, 0.520000 }, { 51.269999, 0.505678, 51.269999, 0.505664 } } },
        { "berwick", 55.77, -2.0, new double[][] {
            { 55.778977, -2.000000, 55.778986, -2.000000 }, { 55.769999, -1.984075, 55.769999, -1.984059 },
            { 55.761023, -2.000000, 55.761014, -2.000000 }, { 55.769999, -2.015925, 55.769999, -2.015941 } } },
        { "shetland", 60.15, -1.15, new double[][] {
            { 60.158971, -1.150000, 60.158980, -1.150000 }, { 60.149999, -1.132006, 60.149999, -1.131988 },
            { 60.141029, -1.150000, 60.141020, -1.150000 }, { 60.149999, -1.167994, 60.149999, -1.168012 } } },
    };

    private static final String[] DIRECTIONS = { "N", "E", "S", "W" };

    private final String token = AssetFixtures.token();
    private final Map<String, String> ids = new HashMap<>();

    /** Once per class; in @BeforeEach because REST Assured knows the test port only from then on. */
    @BeforeEach
    void layout() {
        if (!ids.isEmpty()) {
            return;
        }
        for (Object[] centre : CENTRES) {
            double[][] points = (double[][]) centre[3];
            for (int d = 0; d < 4; d++) {
                String key = centre[0] + "-" + DIRECTIONS[d];
                add(key + "-inside", points[d][0], points[d][1]);
                add(key + "-outside", points[d][2], points[d][3]);
            }
        }
        // The nearest-first layout, around Lerwick (60.40N -1.20): two at the same point (ties by id),
        // one 5 km north, one 20 km south (nearer than the Shetland ring, 27 km), one without a location.
        add("near-a", 60.4000, -1.2000);
        add("near-b", 60.4000, -1.2000);
        add("near-5km", 60.4449, -1.2000);
        add("near-20km", 60.2205, -1.2000);
        Map<String, Object> nowhere = asset("Geo nowhere " + token, 0, 0);
        nowhere.remove("location");
        ids.put("nowhere", createId("maidstone.editor", nowhere));
        // Bounding-box edges: on each edge of 0.30,50.70,0.40,50.80 and a millionth of a degree outside it.
        add("edge-west", 50.75, 0.30);
        add("edge-east", 50.75, 0.40);
        add("edge-south", 50.70, 0.35);
        add("edge-north", 50.80, 0.35);
        add("edge-corner", 50.80, 0.40);
        add("out-west", 50.75, 0.299999);
        add("out-north", 50.800001, 0.35);
    }

    private void add(String key, double latitude, double longitude) {
        ids.put(key, createId("maidstone.editor", with(asset("Geo " + key + " " + token, latitude, longitude))));
    }

    private JsonPath search(String query) {
        String limit = query.contains("&limit=") ? "" : "&limit=100";
        return Api.as("police.viewer").get("/assets?q=" + token + limit + query).then().statusCode(200)
                .extract().jsonPath();
    }

    private List<String> keysOf(JsonPath page) {
        List<String> keys = new ArrayList<>();
        for (String id : page.getList("items.id", String.class)) {
            keys.add(ids.entrySet().stream().filter(e -> e.getValue().equals(id)).findFirst().orElseThrow().getKey());
        }
        return keys;
    }

    @Test
    void aKilometreRadiusHoldsThePoints999Point5MetresAwayInEveryDirectionAndNotThoseAt1000Point5() {
        for (Object[] centre : CENTRES) {
            JsonPath page = search("&nearLat=" + centre[1] + "&nearLon=" + centre[2] + "&radiusM=1000&sort=distance");
            List<String> keys = keysOf(page);
            List<String> expected = new ArrayList<>();
            for (String d : DIRECTIONS) {
                expected.add(centre[0] + "-" + d + "-inside");
            }
            assertEquals(expected.stream().sorted().toList(), keys.stream().sorted().toList(), "around " + centre[0]);
            for (Float distance : page.getList("items.distanceM", Float.class)) {
                assertTrue(Math.abs(distance - 999.5f) <= 0.11f, centre[0] + ": distanceM " + distance);
            }
            assertEquals(4, page.getInt("total"), "around " + centre[0]);
            // 1,001 m takes in the outer ring too.
            assertEquals(8, search("&nearLat=" + centre[1] + "&nearLon=" + centre[2] + "&radiusM=1001").getInt("total"));
        }
    }

    @Test
    void aBoundingBoxHoldsItsEdgesAndNothingBeyondThem() {
        assertEquals(List.of("edge-corner", "edge-east", "edge-north", "edge-south", "edge-west"),
                keysOf(search("&bbox=0.30,50.70,0.40,50.80")).stream().sorted().toList());
        assertEquals(List.of("edge-corner", "edge-east", "edge-north", "edge-south", "edge-west", "out-north", "out-west"),
                keysOf(search("&bbox=0.299999,50.70,0.40,50.800001")).stream().sorted().toList());
        // A box reaching far beyond the world still holds everything in it.
        assertEquals(7, search("&bbox=0.29,50.69," + "9".repeat(80) + ",50.81").getInt("total"));
        // Assets without a location are in no box.
        assertTrue(!keysOf(search("&bbox=-180,-90,180,90")).contains("nowhere"));
    }

    @Test
    void theNearestComeFirstWithoutARadiusTiesByIdAndNeverAnAssetWithoutALocation() {
        JsonPath page = search("&nearLat=60.40&nearLon=-1.20&sort=distance&limit=4");
        List<String> sameSpot = List.of(ids.get("near-a"), ids.get("near-b")).stream().sorted().toList();
        List<String> got = page.getList("items.id", String.class);
        assertEquals(sameSpot, got.subList(0, 2));
        assertEquals(List.of("near-5km", "near-20km"), keysOf(page).subList(2, 4));
        List<Float> distances = page.getList("items.distanceM", Float.class);
        assertEquals(0.0f, distances.get(0));
        assertEquals(0.0f, distances.get(1));
        assertTrue(Math.abs(distances.get(2) - 5000f) < 20f, "5 km: " + distances.get(2));
        assertTrue(Math.abs(distances.get(3) - 20000f) < 100f, "20 km: " + distances.get(3));
        // Everything with a location is ranked, the farthest (Cornwall) last; the asset without one is not.
        JsonPath all = search("&nearLat=60.40&nearLon=-1.20&sort=distance");
        int located = ids.size() - 1;
        assertEquals(located, all.getInt("total"));
        List<String> keys = keysOf(all);
        assertTrue(!keys.contains("nowhere"));
        assertTrue(keys.get(keys.size() - 1).startsWith("penzance-"), keys.get(keys.size() - 1));
        List<Float> ranked = all.getList("items.distanceM", Float.class);
        for (int i = 1; i < ranked.size(); i++) {
            // Ranked on the index's sphere: never more than 0.5% out of the spheroid's order.
            assertTrue(ranked.get(i) >= ranked.get(i - 1) * 0.995f, "rank " + i + ": " + ranked);
        }
        // A tie at a page's edge: the smaller id on the first page, the other on the next.
        assertEquals(sameSpot.subList(0, 1), search("&nearLat=60.40&nearLon=-1.20&sort=distance&limit=1")
                .getList("items.id", String.class));
        assertEquals(sameSpot.subList(1, 2), search("&nearLat=60.40&nearLon=-1.20&sort=distance&limit=1&offset=1")
                .getList("items.id", String.class));
        // Paging continues the same order.
        assertEquals(got.subList(2, 4), search("&nearLat=60.40&nearLon=-1.20&sort=distance&limit=2&offset=2")
                .getList("items.id", String.class));
    }

    @Test
    void aBoundedTotalCountsNoFurtherThanThePageAndOneMoreAndSaysSo() {
        String nearest = "&nearLat=60.40&nearLon=-1.20&sort=distance";
        int located = ids.size() - 1;
        JsonPath exact = search(nearest + "&limit=3");
        assertEquals(located, exact.getInt("total"));
        assertEquals(true, exact.getBoolean("totalExact"));
        // Bounded: the same page, and a total that says only that another page follows.
        JsonPath bounded = search(nearest + "&limit=3&total=bounded");
        assertEquals(exact.getList("items.id"), bounded.getList("items.id"));
        assertEquals(4, bounded.getInt("total"));
        assertEquals(false, bounded.getBoolean("totalExact"));
        assertEquals(List.of("near-20km"), keysOf(search(nearest + "&limit=1&offset=3&total=bounded")));
        assertEquals(5, search(nearest + "&limit=1&offset=3&total=bounded").getInt("total"));
        // A page that holds the last match knows the exact total, as does a page past the end.
        JsonPath last = search(nearest + "&limit=" + located + "&offset=1&total=bounded");
        assertEquals(located - 1, last.getList("items").size());
        assertEquals(located, last.getInt("total"));
        assertEquals(true, last.getBoolean("totalExact"));
        JsonPath past = search(nearest + "&limit=5&offset=" + (located + 3) + "&total=bounded");
        assertEquals(List.of(), past.getList("items"));
        assertEquals(located, past.getInt("total"));
        assertEquals(true, past.getBoolean("totalExact"));
        // Within a radius, nearest first: the 1,001 m ring around Maidstone holds 8 (ranked on the sphere, so
        // the east and west points 1,000.5 m away come before those 999.5 m north and south).
        String ring = "&nearLat=51.27&nearLon=0.52&radiusM=1001&sort=distance";
        JsonPath inner = search(ring + "&limit=4&total=bounded");
        assertEquals(search(ring).getList("items.id").subList(0, 4), inner.getList("items.id"));
        assertEquals(5, inner.getInt("total"));
        assertEquals(false, inner.getBoolean("totalExact"));
        assertEquals(8, search(ring + "&limit=4").getInt("total"));
        assertEquals(8, search(ring + "&limit=8&total=bounded").getInt("total"));
        assertEquals(true, search(ring + "&limit=8&total=bounded").getBoolean("totalExact"));
        // A map's page says the same.
        JsonPath map = JsonPath.from(Api.as("police.viewer").accept("application/geo+json")
                .get("/assets?q=" + token + nearest + "&limit=3&total=bounded").then().statusCode(200).extract().asString());
        assertEquals(4, map.getInt("total"));
        assertEquals(false, map.getBoolean("totalExact"));
        assertEquals(exact.getList("items.id"), map.getList("features.id"));
    }

    @Test
    void aRadiusPageInNameOrderCountsEveryMatchAndAPagePastTheEndStillHasItsTotal() {
        String ring = "&nearLat=51.27&nearLon=0.52&radiusM=1001";
        JsonPath all = search(ring);
        assertEquals(8, all.getInt("total"));
        List<String> names = all.getList("items.name", String.class);
        assertEquals(names.stream().sorted().toList(), names);
        JsonPath second = search(ring + "&limit=3&offset=3");
        assertEquals(all.getList("items.id").subList(3, 6), second.getList("items.id"));
        assertEquals(8, second.getInt("total"));
        JsonPath past = search(ring + "&limit=3&offset=8");
        assertEquals(List.of(), past.getList("items"));
        assertEquals(8, past.getInt("total"));
        assertEquals(true, past.getBoolean("totalExact"));
    }

    @Test
    void theNearestWithinARadiusBreakTiesByIdAtAPagesEdge() {
        String near = "&nearLat=60.40&nearLon=-1.20&radiusM=6000&sort=distance";
        List<String> sameSpot = List.of(ids.get("near-a"), ids.get("near-b")).stream().sorted().toList();
        assertEquals(sameSpot.subList(0, 1), search(near + "&limit=1").getList("items.id", String.class));
        assertEquals(sameSpot.subList(1, 2), search(near + "&limit=1&offset=1").getList("items.id", String.class));
        assertEquals(List.of("near-5km"), keysOf(search(near + "&limit=1&offset=2")));
        assertEquals(3, search(near + "&limit=1&offset=2").getInt("total"));
    }

    @Test
    void aPointNeedsARadiusOrTheNearestFirst() {
        Api.badRequestAs("police.viewer").get("/assets?nearLat=60.40&nearLon=-1.20").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("radiusM"));
        Api.badRequestAs("police.viewer").get("/assets?nearLat=60.40&sort=distance").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("radiusM", "sort"));
    }
}
