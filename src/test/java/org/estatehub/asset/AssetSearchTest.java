package org.estatehub.asset;

import static org.estatehub.testing.AssetFixtures.asset;
import static org.estatehub.testing.AssetFixtures.createId;
import static org.estatehub.testing.AssetFixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Search over a known layout placed on Shetland, far from the Kent demo data, so bounding boxes and
 * radii see only this test's assets.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssetSearchTest {

    private final String token = AssetFixtures.token();
    private final Map<String, String> ids = new java.util.HashMap<>();

    private void add(String key, String user, Map<String, Object> asset) {
        ids.put(key, createId(user, asset));
    }

    /** Once per class; in @BeforeEach because REST Assured knows the test port only from then on. */
    @BeforeEach
    void layout() {
        if (!(ids.isEmpty())) {
            return;
        }
        add("a", "maidstone.editor", with(asset("Alpha office " + token, 60.1500, -1.1500),
                "annualRunningCost", Map.of("amount", "300.00", "currency", "GBP"), "assetType", "OFFICE"));
        add("b", "maidstone.editor", with(asset("Bravo depot " + token, 60.1510, -1.1500),
                "annualRunningCost", Map.of("amount", "100.00", "currency", "GBP"), "assetType", "DEPOT",
                "status", "SURPLUS"));
        add("c", "dover.editor", with(asset("Charlie clinic " + token, 60.1600, -1.1500),
                "annualRunningCost", Map.of("amount", "200.00", "currency", "GBP"), "assetType", "CLINIC",
                "localAuthority", "E07000108"));
        add("d", "dover.editor", with(asset("Delta library " + token, 60.2500, -1.1500),
                "annualRunningCost", Map.of("amount", "400.00", "currency", "GBP"), "assetType", "LIBRARY",
                "localAuthority", "E07000108", "address", Map.of("street", "Harbour Way", "town", "Lerwick", "postcode", "ZE1 0AA")));
        add("e", "dover.editor", with(asset("Echo land " + token, 60.1505, -1.1510),
                "assetType", "LAND", "landOnly", true, "localAuthority", "E07000108", "visibility", "OWNER_ONLY",
                "grossInternalAreaM2", null, "annualRunningCost", null));
    }

    private List<String> idsOf(String user, String query) {
        return Api.as(user).get("/assets?q=" + token + query).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
    }

    private List<String> expected(String... keys) {
        List<String> list = new ArrayList<>();
        for (String key : keys) {
            list.add(ids.get(key));
        }
        return list;
    }

    @Test
    void filtersByPartnerDistrictStatusAndType() {
        assertEquals(expected("a", "b"), idsOf("maidstone.editor", "&partner=maidstone"));
        assertEquals(expected("c", "d"), idsOf("maidstone.editor", "&localAuthority=E07000108"));
        assertEquals(expected("c", "d", "e"), idsOf("dover.editor", "&localAuthority=E07000108"));
        assertEquals(expected("b"), idsOf("police.viewer", "&status=SURPLUS"));
        assertEquals(expected("c"), idsOf("police.viewer", "&type=CLINIC"));
        assertEquals(expected("d"), Api.as("police.viewer").get("/assets?q=harbour way lerwick")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class));
        assertEquals(List.of(), idsOf("police.viewer", "&partner=dover&type=OFFICE"));
    }

    @Test
    void freeTextIsCaseInsensitiveAndTreatsWildcardsLiterally() {
        assertEquals(expected("a"), Api.as("police.viewer").get("/assets?q=ALPHA OFFICE " + token.toUpperCase())
                .then().extract().jsonPath().getList("items.id", String.class));
        Api.as("police.viewer").get("/assets?q=%25").then().statusCode(200).body("total", equalTo(0));
        Api.as("police.viewer").get("/assets?q=_").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void visibilityAppliesToSearch() {
        assertEquals(expected("a", "b", "c", "d"), idsOf("maidstone.editor", ""));
        assertEquals(expected("a", "b", "c", "d", "e"), idsOf("dover.editor", ""));
        assertEquals(expected("a", "b", "c", "d", "e"), idsOf("pmo.admin", ""));
    }

    @Test
    void boundingBox() {
        assertEquals(expected("a", "b", "c"), idsOf("pmo.admin", "&bbox=-1.1505,60.1495,-1.1495,60.1605"));
        Api.badRequestAs("pmo.admin").get("/assets?bbox=1,60,0,61").then().statusCode(400)
                .body("errors[0].field", equalTo("bbox"));
        Api.badRequestAs("pmo.admin").get("/assets?bbox=1,2,3").then().statusCode(400);
    }

    @Test
    void radiusAroundAPointSortedByDistance() {
        // b is ~111 m north of a, c ~1.1 km, d ~11 km; e (owner-only, ~60 m) is hidden from Maidstone.
        // 111.4 m on the WGS84 spheroid at 60.15N since 3.1.0 (111.2 m on the 6,371 km sphere before).
        Api.as("maidstone.editor").get("/assets?q=" + token + "&nearLat=60.15&nearLon=-1.15&radiusM=2000&sort=distance")
                .then().statusCode(200)
                .body("items.id", contains(ids.get("a"), ids.get("b"), ids.get("c")))
                .body("items.distanceM", everyItem(lessThanOrEqualTo(2000f)))
                .body("items[0].distanceM", equalTo(0.0f))
                .body("items[1].distanceM", equalTo(111.4f));
        assertEquals(expected("a", "e", "b"),
                idsOf("dover.editor", "&nearLat=60.15&nearLon=-1.15&radiusM=200&sort=distance"));
        Api.badRequestAs("pmo.admin").get("/assets?nearLat=60.15&radiusM=100").then().statusCode(400)
                .body("errors[0].field", equalTo("radiusM"));
        Api.badRequestAs("pmo.admin").get("/assets?sort=distance").then().statusCode(400);
        Api.badRequestAs("pmo.admin").get("/assets?sort=height").then().statusCode(400);
    }

    @Test
    void stablePagingWithTotalAndSort() {
        List<String> all = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            var page = Api.as("pmo.admin").get("/assets?q=" + token + "&sort=-annualRunningCost&limit=2&offset=" + offset)
                    .then().statusCode(200).body("total", equalTo(5)).body("limit", equalTo(2))
                    .body("offset", equalTo(offset))
                    .extract().jsonPath().getList("items.id", String.class);
            all.addAll(page);
        }
        // Descending cost, assets without a cost last.
        assertEquals(expected("d", "a", "c", "b", "e"), all);
        Api.as("pmo.admin").get("/assets?q=" + token + "&limit=2&offset=4").then().body("items", hasSize(1));
        Api.as("pmo.admin").get("/assets?q=" + token + "&limit=2&offset=10").then().body("items", hasSize(0))
                .body("total", equalTo(5));
    }

    @Test
    void geoJsonForAMap() {
        Api.as("maidstone.editor").accept("application/geo+json")
                .get("/assets?q=" + token + "&localAuthority=E07000108")
                .then().statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("total", equalTo(2))
                .body("features", hasSize(2))
                .body("features[0].type", equalTo("Feature"))
                .body("features[0].id", equalTo(ids.get("c")))
                .body("features[0].geometry.type", equalTo("Point"))
                .body("features[0].geometry.coordinates", contains(-1.15f, 60.16f))
                .body("features[0].properties.ownerPartnerId", equalTo("dover"))
                .body("features[0].properties.annualRunningCost", equalTo("200.00"))
                .body("features.properties.name", containsInAnyOrder("Charlie clinic " + token, "Delta library " + token));
        Api.as("maidstone.editor").accept("application/json").get("/assets?q=" + token)
                .then().contentType("application/json").body("items", hasSize(4));
    }
}
