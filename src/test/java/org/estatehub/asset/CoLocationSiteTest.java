package org.estatehub.asset;

import static org.estatehub.testing.AssetFixtures.asset;
import static org.estatehub.testing.AssetFixtures.createId;
import static org.estatehub.testing.AssetFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Co-location clusters stay a site: every member within distanceM of the cluster's centre, on known layouts
 * and on random registers. Each layout has a place of its own in the north and west of Scotland, far from
 * the Kent demo data and from each other, and is read through a box around it.
 */
@QuarkusTest
class CoLocationSiteTest {

    /** WGS84's semi-major axis and first eccentricity squared, for metres measured apart from PostGIS. */
    private static final double A = 6_378_137.0;
    private static final double E2 = 6.69437999014e-3;
    /** The national grid's scale is within 0.04% of true in Great Britain; allowed: 0.1%, plus the 6-decimal centre. */
    private static final double TOLERANCE = 1.001;
    private static final double CENTRE_ROUNDING_M = 0.2;

    /** A point eastM and northM from (lat, lon), on the ellipsoid's local radii of curvature. */
    static double[] offset(double lat, double lon, double eastM, double northM) {
        double[] perDegree = metresPerDegree(lat);
        return new double[] {lat + northM / perDegree[0], lon + eastM / perDegree[1]};
    }

    /** Metres per degree of latitude (meridian radius M) and of longitude (N cos lat) at this latitude. */
    static double[] metresPerDegree(double lat) {
        double phi = Math.toRadians(lat);
        double w = Math.sqrt(1 - E2 * Math.sin(phi) * Math.sin(phi));
        double meridian = A * (1 - E2) / (w * w * w);
        double normal = A / w;
        return new double[] {Math.toRadians(1) * meridian, Math.toRadians(1) * normal * Math.cos(phi)};
    }

    /** Metres between two points a few km apart (the local plane at their mean latitude: under 1e-5 off). */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double[] perDegree = metresPerDegree((lat1 + lat2) / 2);
        return Math.hypot((lat2 - lat1) * perDegree[0], (lon2 - lon1) * perDegree[1]);
    }

    private static String at(String user, String name, double lat, double lon, Object... more) {
        return createId(user, with(asset(name, lat, lon), more));
    }

    private static String box(double lat, double lon, double halfDegrees) {
        return "bbox=" + (lon - halfDegrees) + "," + (lat - halfDegrees) + "," + (lon + halfDegrees) + ","
                + (lat + halfDegrees);
    }

    private static JsonPath coLocation(String user, String query) {
        return Api.as(user).get("/assets/co-location?" + query).then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> ids(Map<String, Object> cluster) {
        Set<String> ids = new HashSet<>();
        ((List<Map<String, Object>>) cluster.get("assets")).forEach(a -> ids.add((String) a.get("id")));
        return ids;
    }

    @Test
    void twoSites300mApartAreTwoClustersAt200m() {
        double lat = 55.70, lon = -6.40;
        String a1 = at("maidstone.editor", "Site one A", lat, lon);
        double[] p = offset(lat, lon, 20, 0);
        String b1 = at("dover.editor", "Site one B", p[0], p[1]);
        p = offset(lat, lon, 320, 0);
        String a2 = at("maidstone.editor", "Site two A", p[0], p[1]);
        p = offset(lat, lon, 340, 0);
        String b2 = at("dover.editor", "Site two B", p[0], p[1]);
        List<Map<String, Object>> items = coLocation("dover.editor", "distanceM=200&" + box(lat, lon, 0.05)).getList("items");
        assertEquals(Set.of(Set.of(a1, b1), Set.of(a2, b2)), Set.of(ids(items.get(0)), ids(items.get(1))));
        assertEquals(2, items.size());
        // Both sites fit in one circle of 500 m: at 500 m they are one site.
        items = coLocation("dover.editor", "distanceM=500&" + box(lat, lon, 0.05)).getList("items");
        assertEquals(List.of(Set.of(a1, b1, a2, b2)), items.stream().map(CoLocationSiteTest::ids).toList());
    }

    /** Single linkage chained this row into one 1,350 m "cluster"; each cluster now fits in a 500 m circle. */
    @Test
    void aChainOf10Assets150mApartSplitsIntoBoundedClusters() {
        double lat = 57.60, lon = -7.20;
        Set<String> chain = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            double[] p = offset(lat, lon, 150 * i, 0);
            chain.add(at(i % 2 == 0 ? "maidstone.editor" : "dover.editor", "Chain " + i, p[0], p[1]));
        }
        JsonPath answer = coLocation("dover.editor", "distanceM=500&" + box(lat, lon, 0.05));
        List<Map<String, Object>> items = answer.getList("items");
        assertTrue(items.size() >= 2, "the chain is more than one site: " + items.size());
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> cluster : items) {
            assertTrue(((Number) cluster.get("radiusM")).doubleValue() <= 500, "radiusM " + cluster.get("radiusM"));
            assertWithinOfCentre(cluster, 500);
            for (String id : ids(cluster)) {
                assertTrue(chain.contains(id));
                assertTrue(seen.add(id), "an asset in one cluster at most");
            }
        }
    }

    @Test
    void rankedByOpportunityThenRunningCostThenPartnersAndPaged() {
        double lat = 58.40, lon = -6.40;
        // Four sites 5 km apart along a line of latitude, each of two assets 10 m apart.
        String x = site(lat, lon, 0, "X", "SURPLUS", "5.00", "5.00", "maidstone.editor", "dover.editor");
        String y = site(lat, lon, 5000, "Y", "OPERATIONAL", "2500.00", "2500.01", "maidstone.editor", "dover.editor");
        String z = site(lat, lon, 10000, "Z", "OPERATIONAL", "50.00", "50.00", "maidstone.editor", "dover.editor",
                "sevenoaks.editor");
        String w = site(lat, lon, 15000, "W", "OPERATIONAL", "50.00", "50.00", "maidstone.editor", "dover.editor");
        String area = box(lat, lon + 0.12, 0.2);
        JsonPath all = coLocation("dover.editor", "distanceM=100&" + area);
        assertEquals(List.of(x, y, z, w), keysByName(all.getList("items"), x, y, z, w));
        assertEquals(4, all.getInt("total"));
        assertFalse(all.getBoolean("truncated"));
        assertEquals(1, all.getInt("items[0].opportunityCount"));
        assertEquals("5000.01", all.getString("items[1].totalAnnualRunningCost.amount"), "exact money, summed in SQL");
        assertEquals(3, all.getInt("items[2].partnerCount"));

        JsonPath first = coLocation("dover.editor", "distanceM=100&limit=2&" + area);
        assertEquals(List.of(x, y), keysByName(first.getList("items"), x, y, z, w));
        assertEquals(4, first.getInt("total"));
        assertEquals(2, first.getInt("limit"));
        assertTrue(first.getBoolean("truncated"));
        JsonPath second = coLocation("dover.editor", "distanceM=100&limit=2&offset=2&" + area);
        assertEquals(List.of(z, w), keysByName(second.getList("items"), x, y, z, w));
        JsonPath beyond = coLocation("dover.editor", "distanceM=100&limit=2&offset=10&" + area);
        assertEquals(List.of(), beyond.getList("items"));
        assertEquals(4, beyond.getInt("total"), "the total also beyond the last page");

        // The box narrows the assets before clustering: only X and Y's sites lie in the western half.
        JsonPath west = coLocation("dover.editor", "distanceM=100&" + box(lat, lon, 0.11));
        assertEquals(List.of(x, y), keysByName(west.getList("items"), x, y, z, w));
        // A surplus asset is listed before the others of its cluster.
        assertEquals("SURPLUS", all.getString("items[0].assets[0].status"));
    }

    /** The site's first asset's name (X, Y...), as a stand-in for the cluster, in answer order. */
    private static List<String> keysByName(List<Map<String, Object>> items, String... names) {
        List<String> order = new ArrayList<>();
        for (Map<String, Object> cluster : items) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> assets = (List<Map<String, Object>>) cluster.get("assets");
            String site = ((String) assets.get(0).get("name")).substring(0, 1);
            for (String name : names) {
                if (name.equals(site)) {
                    order.add(name);
                }
            }
        }
        return order;
    }

    /** Two or three assets 10 m apart, eastM east of (lat, lon); the first has the status; returns its letter. */
    private static String site(double lat, double lon, double eastM, String letter, String status, String cost,
            String otherCost, String... owners) {
        for (int i = 0; i < owners.length; i++) {
            double[] p = offset(lat, lon, eastM + 10 * i, 0);
            at(owners[i], letter + " " + i, p[0], p[1], "status", i == 0 ? status : "OPERATIONAL",
                    "annualRunningCost", Map.of("amount", i == 0 ? cost : i == 1 ? otherCost : "0.00", "currency", "GBP"));
        }
        return letter;
    }

    @Test
    void localAuthorityFilterNarrowsTheAssetsBeforeClustering() {
        double lat = 58.10, lon = -5.60;
        String kept = at("dover.editor", "Dover's", lat, lon, "localAuthority", "E07000108");
        double[] p = offset(lat, lon, 10, 0);
        String keptToo = at("maidstone.editor", "Maidstone's in Dover", p[0], p[1], "localAuthority", "E07000108");
        p = offset(lat, lon, 20, 0);
        String elsewhere = at("sevenoaks.editor", "Sevenoaks'", p[0], p[1], "localAuthority", "E07000111");
        String area = box(lat, lon, 0.01);
        assertEquals(List.of(Set.of(kept, keptToo, elsewhere)), coLocation("dover.editor", area)
                .<Map<String, Object>>getList("items").stream().map(CoLocationSiteTest::ids).toList());
        assertEquals(List.of(Set.of(kept, keptToo)), coLocation("dover.editor", area + "&localAuthority=E07000108")
                .<Map<String, Object>>getList("items").stream().map(CoLocationSiteTest::ids).toList());
    }

    /** Another partner's OWNER_ONLY asset is in no one's cluster but its own partner's and the programme office's: not in counts, totals or hull. */
    @Test
    void ownerOnlyAssetsShapeNoOtherCallersCluster() {
        double lat = 57.20, lon = -6.20;
        at("maidstone.editor", "Open A", lat, lon, "annualRunningCost", Map.of("amount", "100.00", "currency", "GBP"));
        double[] p = offset(lat, lon, 50, 0);
        at("dover.editor", "Open B", p[0], p[1], "annualRunningCost", Map.of("amount", "200.00", "currency", "GBP"));
        p = offset(lat, lon, 25, 60);
        String hidden = at("police.editor", "Hidden C", p[0], p[1], "visibility", "OWNER_ONLY", "status", "SURPLUS",
                "annualRunningCost", Map.of("amount", "7000.00", "currency", "GBP"));
        String area = box(lat, lon, 0.01);
        JsonPath dover = coLocation("dover.editor", area);
        assertFalse(dover.prettify().contains(hidden));
        assertEquals(2, dover.getInt("items[0].assetCount"));
        assertEquals(List.of("dover", "maidstone"), dover.getList("items[0].partnerIds"));
        assertEquals(0, dover.getInt("items[0].opportunityCount"));
        assertEquals("300.00", dover.getString("items[0].totalAnnualRunningCost.amount"));
        assertEquals("LineString", dover.getString("items[0].hull.type"), "two locations: no third corner from the hidden one");
        assertEquals(2, dover.getInt("items[0].partnerCount"));
        assertEquals(0, coLocation("dover.editor", area + "&minPartners=3").getInt("total"));

        JsonPath pmo = coLocation("pmo.admin", area);
        assertTrue(pmo.prettify().contains(hidden));
        assertEquals(3, pmo.getInt("items[0].assetCount"));
        assertEquals("Polygon", pmo.getString("items[0].hull.type"));
        assertEquals("7300.00", pmo.getString("items[0].totalAnnualRunningCost.amount"));
        assertTrue(coLocation("police.viewer", area).prettify().contains(hidden), "its owner's viewers see it");
    }

    @Test
    void oneLocationIsAPointHull() {
        double lat = 56.60, lon = -6.60;
        at("maidstone.editor", "Shared building A", lat, lon);
        at("dover.editor", "Shared building B", lat, lon);
        JsonPath answer = coLocation("dover.editor", box(lat, lon, 0.01));
        assertEquals("Point", answer.getString("items[0].hull.type"));
        assertEquals(0.0, answer.getDouble("items[0].radiusM"));
    }

    /**
     * On random registers (seeded: the same points every run), for several distances: every member lies
     * within distanceM of its cluster's stated centre and no two members are more than 2 x distanceM apart,
     * measured here on the ellipsoid, apart from PostGIS; each asset is in one cluster at most, each cluster
     * has two partners or more, and every asset lies in the answer's clusters or could not be in one.
     */
    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1, 59.30, -3.40", "2, 59.05, -2.40", "3, 58.75, -3.90", "4, 56.35, -6.95"})
    void noClusterOnARandomRegisterIsWiderThanItsBound(long seed, double lat, double lon) {
        Random random = new Random(seed);
        String[] owners = {"maidstone.editor", "dover.editor", "sevenoaks.editor"};
        Set<String> register = new HashSet<>();
        for (int i = 0; i < 45; i++) {
            // Some points near a few centres (sites), the rest spread over 4 km: chains and sites both.
            double east = i % 3 == 0 ? 4000 * random.nextDouble() : 800 * (i % 5) + 120 * random.nextGaussian();
            double north = i % 3 == 0 ? 4000 * random.nextDouble() : 900 * (i % 4) + 120 * random.nextGaussian();
            double[] p = offset(lat, lon, east, north);
            register.add(at(owners[random.nextInt(owners.length)], "Random " + seed + "-" + i, p[0], p[1]));
        }
        for (int distance : new int[] {50, 200, 500, 1200, 3000}) {
            JsonPath answer = coLocation("pmo.admin", "limit=100&distanceM=" + distance + "&" + box(lat, lon + 0.04, 0.08));
            List<Map<String, Object>> items = answer.getList("items");
            assertEquals(items.size(), answer.getInt("total"), "seed " + seed + " at " + distance + ": one page");
            Set<String> seen = new HashSet<>();
            for (Map<String, Object> cluster : items) {
                assertTrue(((Number) cluster.get("partnerCount")).intValue() >= 2);
                assertTrue(((Number) cluster.get("radiusM")).doubleValue() <= distance);
                assertWithinOfCentre(cluster, distance);
                for (String id : ids(cluster)) {
                    assertTrue(register.contains(id), "seed " + seed + ": only this register's assets");
                    assertTrue(seen.add(id), "seed " + seed + " at " + distance + ": an asset in one cluster at most");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertWithinOfCentre(Map<String, Object> cluster, int distance) {
        Map<String, Object> centre = (Map<String, Object>) cluster.get("centre");
        double cLat = ((Number) centre.get("latitude")).doubleValue();
        double cLon = ((Number) centre.get("longitude")).doubleValue();
        List<Map<String, Object>> assets = (List<Map<String, Object>>) cluster.get("assets");
        assertEquals(((Number) cluster.get("assetCount")).intValue(), assets.size(), "all members listed (under 50)");
        List<double[]> points = new ArrayList<>();
        for (Map<String, Object> a : assets) {
            Map<String, Object> location = (Map<String, Object>) a.get("location");
            points.add(new double[] {((Number) location.get("latitude")).doubleValue(),
                    ((Number) location.get("longitude")).doubleValue()});
        }
        for (double[] p : points) {
            double fromCentre = metres(cLat, cLon, p[0], p[1]);
            assertTrue(fromCentre <= distance * TOLERANCE + CENTRE_ROUNDING_M,
                    "a member " + fromCentre + " m from the centre at distanceM=" + distance);
            for (double[] q : points) {
                double apart = metres(p[0], p[1], q[0], q[1]);
                assertTrue(apart <= 2 * distance * TOLERANCE + 2 * CENTRE_ROUNDING_M, "two members " + apart + " m apart at distanceM=" + distance);
            }
        }
    }
}
