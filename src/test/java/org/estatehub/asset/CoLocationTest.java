package org.estatehub.asset;

import static org.estatehub.testing.AssetFixtures.asset;
import static org.estatehub.testing.AssetFixtures.createId;
import static org.estatehub.testing.AssetFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Clusters on a known layout on Orkney (far from the Kent demo data): A (Maidstone), B (Dover) 300 m
 * east of A, C (Maidstone) 300 m east of B; D (Sevenoaks) 3 km away alone; E and F (both Dover's)
 * 100 m apart 6 km away; G (Kent Police, owner-only) 100 m from A.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoLocationTest {

    private static final double LAT = 58.98;
    private static final double LON = -2.96;
    /** Degrees of longitude per metre at this latitude. */
    private static final double LON_PER_M = 1 / (111_194.9 * Math.cos(Math.toRadians(LAT)));

    private String a, b, c, d, e, f, g;

    private static Map<String, Object> at(String name, double eastM, double northM, String cost, int utilisation) {
        return with(asset(name, LAT + northM / 111_194.9, LON + eastM * LON_PER_M),
                "annualRunningCost", Map.of("amount", cost, "currency", "GBP"), "utilisationPercent", utilisation);
    }

    /** Once per class; in @BeforeEach because REST Assured knows the test port only from then on. */
    @BeforeEach
    void layout() {
        if (!(a == null)) {
            return;
        }
        a = createId("maidstone.editor", at("A", 0, 0, "1000.10", 50));
        b = createId("dover.editor", at("B", 300, 0, "2000.20", 70));
        c = createId("maidstone.editor", at("C", 600, 0, "3000.30", 91));
        d = createId("sevenoaks.editor", at("D", 3000, 0, "10.00", 10));
        e = createId("dover.editor", at("E", 0, 6000, "10.00", 10));
        f = createId("dover.editor", at("F", 100, 6000, "10.00", 10));
        g = createId("police.editor", with(at("G", 0, 100, "500.00", 20), "visibility", "OWNER_ONLY"));
    }

    /** Within a box around the layout, so that other tests' clusters never push its own off the page. */
    private static List<Map<String, Object>> clusters(String user, String query) {
        String box = "bbox=" + (LON - 0.2) + "," + (LAT - 0.2) + "," + (LON + 0.2) + "," + (LAT + 0.2);
        String q = query.isEmpty() ? "?" + box : query + "&" + box;
        return Api.as(user).get("/assets/co-location" + q).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> assetIds(Map<String, Object> cluster) {
        return ((List<Map<String, Object>>) cluster.get("assets")).stream().map(x -> (String) x.get("id"))
                .collect(Collectors.toSet());
    }

    private Map<String, Object> clusterOf(List<Map<String, Object>> clusters, String id) {
        List<Map<String, Object>> found = clusters.stream().filter(cl -> assetIds(cl).contains(id)).toList();
        assertTrue(found.size() <= 1, "an asset belongs to one cluster at most");
        return found.isEmpty() ? null : found.get(0);
    }

    @Test
    void chainOfAssetsWithinTheDistanceFormsOneCluster() {
        var clusters = clusters("dover.editor", "");
        var cluster = clusterOf(clusters, a);
        assertEquals(Set.of(a, b, c), assetIds(cluster));
        assertEquals(List.of("dover", "maidstone"), cluster.get("partnerIds"));
        assertEquals(2, cluster.get("partnerCount"));
        assertEquals(3, cluster.get("assetCount"));
        assertEquals(Map.of("amount", "6000.60", "currency", "GBP"), cluster.get("totalAnnualRunningCost"));
        assertEquals(70.33f, ((Number) cluster.get("meanUtilisationPercent")).floatValue(), 0.0001);
        assertEquals(null, clusterOf(clusters, d), "a lone asset is no cluster");
        assertEquals(null, clusterOf(clusters, e), "one partner's neighbouring assets are no co-location");
    }

    @Test
    void ownerOnlyAssetsJoinOnlyForThoseWhoMaySeeThem() {
        assertEquals(Set.of(a, b, c, g), assetIds(clusterOf(clusters("pmo.admin", ""), a)));
        assertEquals(Set.of(a, b, c, g), assetIds(clusterOf(clusters("police.viewer", ""), a)));
        assertEquals(null, clusterOf(clusters("dover.editor", ""), g));
        assertEquals(3, ((Number) clusterOf(clusters("pmo.admin", "?minPartners=3"), a).get("partnerCount")).intValue());
        assertEquals(null, clusterOf(clusters("dover.editor", "?minPartners=3"), a));
    }

    @Test
    void distanceDecides() {
        assertEquals(null, clusterOf(clusters("dover.editor", "?distanceM=250"), a));
        assertEquals(Set.of(a, b, c, d), assetIds(clusterOf(clusters("dover.editor", "?distanceM=2500"), a)));
        Api.badRequestAs("dover.editor").get("/assets/co-location?distanceM=5").then().statusCode(400);
        Api.badRequestAs("dover.editor").get("/assets/co-location?minPartners=1").then().statusCode(400);
    }

    @Test
    void kentDemoDataHasCrossAgencyClusters() {
        var clusters = clusters("board.member", "?localAuthority=E07000110");
        assertTrue(!clusters.isEmpty(), "the demo register has several agencies side by side in Maidstone");
        clusters.forEach(cl -> assertTrue(((Number) cl.get("partnerCount")).intValue() >= 2));
    }
}
