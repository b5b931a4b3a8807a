package org.estatehub.brownfield;

import static org.estatehub.testing.BoundaryFixtures.hectare;
import static org.estatehub.testing.BoundaryFixtures.multiPolygon;
import static org.estatehub.testing.BoundaryFixtures.polygon;
import static org.estatehub.testing.BoundaryFixtures.square;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Brownfield site boundaries (#16): PUT and DELETE /brownfield-sites/{siteId}/boundary by the owner's editors
 * and pmo-admin with If-Match, the register's hectares replaced by the boundary's area (a 100 m square near
 * Maidstone: 1.0002 ha, asserted within 0.005), a point derived where the site has none, the history and
 * change feed, the map's polygon, and bad geometries refused naming the position with nothing written.
 */
@QuarkusTest
class BrownfieldBoundaryTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBoundaryIsSetReadBackMeasuredAndRemoved() throws Exception {
        String token = AssetFixtures.token();
        String id = BrownfieldFixtures.site("maidstone", token);
        String path = "/brownfield-sites/" + id;
        String feed = feed(null, new java.util.ArrayList<>());
        Response before = Api.as("maidstone.editor").get(path);
        assertEquals("0.5", before.path("hectares"));
        List<List<Double>> ring = square(0.52, 51.27, 1);

        Response set = Api.as("maidstone.editor").header("If-Match", before.header("ETag")).body(polygon(ring))
                .put(path + "/boundary");
        set.then().statusCode(200);
        assertEquals("1.0002", set.path("hectares"), "the register's 0.5 ha gives way to the boundary's area");
        assertEquals("MultiPolygon", set.path("boundary.type"));
        // The site had a point; it stays.
        assertEquals(51.27f, (float) set.path("location.latitude"), 1e-6f);

        // Read with Jackson: JsonPath reads numbers as floats, too coarse for 7 decimals.
        String read = Api.as("police.viewer").get(path).then().statusCode(200).extract().asString();
        com.fasterxml.jackson.databind.JsonNode positions = JSON.readTree(read).at("/boundary/coordinates/0/0");
        assertEquals(5, positions.size());
        for (int i = 0; i < ring.size(); i++) {
            assertEquals(ring.get(i).get(0), positions.get(i).get(0).doubleValue(), 0.5e-7);
            assertEquals(ring.get(i).get(1), positions.get(i).get(1).doubleValue(), 0.5e-7);
        }

        // A stale ETag is refused (412), as for the site's other writes.
        Api.as("maidstone.editor").header("If-Match", before.header("ETag")).body(hectare()).put(path + "/boundary")
                .then().statusCode(412);
        Api.as("maidstone.editor").body(hectare()).put(path + "/boundary").then().statusCode(428);

        Response removed = Api.as("maidstone.editor").header("If-Match", set.header("ETag")).delete(path + "/boundary");
        removed.then().statusCode(200);
        assertNull(removed.path("boundary"));
        assertEquals("1.0002", removed.path("hectares"), "removing the boundary leaves the area as it was");
        // Removing it again changes nothing: same version, no event.
        Response again = Api.as("maidstone.editor").header("If-Match", removed.header("ETag")).delete(path + "/boundary");
        again.then().statusCode(200);
        assertEquals(removed.header("ETag"), again.header("ETag"));

        // The change feed carries both changes, with the boundary among the changed fields.
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        long boundaryChanges = 0;
        while (boundaryChanges < 2 && System.currentTimeMillis() < deadline) {
            feed = feed(feed, events);
            boundaryChanges = events.stream().filter(e -> id.equals(e.get("entityId"))
                    && e.get("changes") instanceof Map<?, ?> changes
                    && changes.containsKey("boundary.coordinates")).count();
        }
        assertEquals(2, boundaryChanges, "set and removed: " + events.stream().filter(e -> id.equals(e.get("entityId"))).toList());
    }

    /** Reads GET /events from `after` until caught up, adding the items; answers the cursor to go on from. */
    static String feed(String after, List<Map<String, Object>> into) {
        String cursor = after;
        while (true) {
            JsonPath page = Api.as("maidstone.viewer").get("/events?limit=500" + (cursor == null ? "" : "&after=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            into.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }

    @Test
    void aSiteWithoutAPointGetsThePointOnTheBoundarysSurfaceAndTheMapDrawsIt() {
        String token = AssetFixtures.token();
        String csv = "reference,name,site-address,hectares,ownership-status\nT-" + token + ",Site " + token
                + ",Test Street,0.5,owned by a public authority\n";
        BrownfieldFixtures.csv(Api.as("pmo.admin"), "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                .post("/brownfield-sites/import?ownerPartnerId=maidstone").then().statusCode(200);
        String id = Api.as("pmo.admin").get("/brownfield-sites?q=" + token).path("items[0].id");
        String path = "/brownfield-sites/" + id;
        Response site = Api.as("pmo.admin").get(path);
        assertNull(site.path("location"));
        Response set = Api.as("pmo.admin").header("If-Match", site.header("ETag"))
                .body(multiPolygon(square(0.52, 51.27, 1))).put(path + "/boundary");
        set.then().statusCode(200);
        double lat = set.jsonPath().getDouble("location.latitude");
        assertTrue(lat > 51.27 && lat < 51.271, "latitude " + lat);

        // The map (validated against the contract: a MultiPolygon feature) draws the outline.
        JsonPath map = Api.as("police.viewer").accept("application/geo+json").get("/brownfield-sites?q=" + token)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("MultiPolygon", map.getString("features[0].geometry.type"));
        assertEquals(5, map.getList("features[0].geometry.coordinates[0][0]").size());
    }

    @Test
    void anotherPartnersEditorMayNotSetOrRemoveIt() {
        String path = "/brownfield-sites/" + BrownfieldFixtures.site("maidstone", AssetFixtures.token());
        Response before = Api.as("pmo.admin").get(path);
        Api.as("dover.editor").header("If-Match", before.header("ETag")).body(hectare()).put(path + "/boundary")
                .then().statusCode(403);
        Api.as("maidstone.viewer").header("If-Match", before.header("ETag")).body(hectare()).put(path + "/boundary")
                .then().statusCode(403);
        Api.as("dover.editor").header("If-Match", before.header("ETag")).delete(path + "/boundary").then().statusCode(403);
        assertEquals(before.asString(), Api.as("pmo.admin").get(path).asString());
    }

    static Stream<Arguments> badGeometries() {
        List<List<Double>> ring = square(0.52, 51.27, 1);
        return Stream.of(
                Arguments.of("an array", List.of(ring), "boundary"),
                Arguments.of("a LineString", Map.of("type", "LineString", "coordinates", ring), "type"),
                Arguments.of("no coordinates", Map.of("type", "Polygon"), "coordinates"),
                Arguments.of("a ring not closed", polygon(List.of(ring.get(0), ring.get(1), ring.get(2), ring.get(3))),
                        "coordinates[0]"),
                Arguments.of("a position outside the UK", polygon(List.of(List.of(-10.0, 51.27), ring.get(1), ring.get(2),
                        List.of(-10.0, 51.27))), "coordinates[0][0]"),
                Arguments.of("a bow tie", polygon(List.of(List.of(0.52, 51.27), List.of(0.53, 51.28), List.of(0.53, 51.27),
                        List.of(0.52, 51.28), List.of(0.52, 51.27))), "coordinates"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badGeometries")
    void badGeometriesAreRefusedNamingThePosition(String name, Object geometry, String field) throws Exception {
        String path = "/brownfield-sites/" + BrownfieldFixtures.site("maidstone", AssetFixtures.token());
        Response before = Api.as("pmo.admin").get(path);
        Response r = Api.badRequestAs("maidstone.editor").contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("If-Match", before.header("ETag")).body(JSON.writeValueAsString(geometry)).put(path + "/boundary");
        assertEquals(400, r.statusCode(), name + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), name);
        assertTrue(r.jsonPath().getList("errors.field", String.class).contains(field), name + ": " + r.asString());
        assertEquals(before.asString(), Api.as("pmo.admin").get(path).asString(), name + ": the site changed");
    }
}
