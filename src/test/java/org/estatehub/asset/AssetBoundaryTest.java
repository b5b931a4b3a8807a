package org.estatehub.asset;

import static org.estatehub.testing.BoundaryFixtures.LAT_100M;
import static org.estatehub.testing.BoundaryFixtures.LON_100M;
import static org.estatehub.testing.BoundaryFixtures.hectare;
import static org.estatehub.testing.BoundaryFixtures.multiPolygon;
import static org.estatehub.testing.BoundaryFixtures.polygon;
import static org.estatehub.testing.BoundaryFixtures.square;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Asset boundaries (#16): a GeoJSON Polygon or MultiPolygon on POST/PUT /assets, read back as a MultiPolygon
 * to 7 decimals, the land area derived from it (a 100 m square near Maidstone is 1.0002 ha on the spheroid:
 * asserted within 0.005 ha), the point derived where there is none, removal, history, maps, and every
 * refusal a 400 naming the field with nothing written.
 */
@QuarkusTest
class AssetBoundaryTest {

    /** Coordinates come back to 7 decimals: equal to what was sent within half of the last one. */
    static final double PRECISION = 0.5e-7;

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void aBoundaryIsStoredReadBackAndMeasured() {
        String token = AssetFixtures.token();
        List<List<Double>> ring = square(0.52, 51.27, 1);
        Map<String, Object> input = AssetFixtures.with(AssetFixtures.asset("Boundary " + token, 51.2704, 0.5207),
                "boundary", polygon(ring), "landAreaHectares", 5.0);
        Response created = AssetFixtures.create("maidstone.editor", input);
        // The typed 5 ha gives way to the boundary's area.
        assertEquals(1.0, created.jsonPath().getDouble("landAreaHectares"), 0.005, created.asString());
        String id = created.path("id");
        Response answer = Api.as("police.viewer").get("/assets/" + id);
        answer.then().statusCode(200);
        JsonPath read = answer.jsonPath();
        assertEquals("MultiPolygon", read.getString("boundary.type"));
        assertRing(ring, answer, "/boundary/coordinates/0/0");
        assertEquals(1, read.getList("boundary.coordinates").size());
        assertEquals(1.0, read.getDouble("landAreaHectares"), 0.005);
        // A point given stays the asset's point.
        assertEquals(51.2704, read.getDouble("location.latitude"), 1e-9);
        assertEquals(0.5207, read.getDouble("location.longitude"), 1e-9);
        // And it appears in the search answers (the JSON page reads rows, not entities).
        Response page = Api.as("maidstone.viewer").get("/assets?q=" + token);
        page.then().statusCode(200);
        assertRing(ring, page, "/items/0/boundary/coordinates/0/0");
    }

    @Test
    void aBoundaryWithoutAPointGivesThePointOnItsSurface() {
        String token = AssetFixtures.token();
        Map<String, Object> input = AssetFixtures.with(AssetFixtures.asset("Boundary " + token, 51.27, 0.52),
                "location", null, "boundary", hectare());
        JsonPath created = AssetFixtures.create("maidstone.editor", input).jsonPath();
        double lat = created.getDouble("location.latitude");
        double lon = created.getDouble("location.longitude");
        assertTrue(lat > 51.27 && lat < 51.27 + LAT_100M, "latitude " + lat + " inside the square");
        assertTrue(lon > 0.52 && lon < 0.52 + LON_100M, "longitude " + lon + " inside the square");
    }

    @Test
    void aMultiPolygonIsMeasuredWhole() {
        String token = AssetFixtures.token();
        Map<String, Object> input = AssetFixtures.with(AssetFixtures.asset("Boundary " + token, 51.27, 0.52),
                "boundary", multiPolygon(square(0.52, 51.27, 1), square(0.53, 51.27, 2)));
        Response answer = AssetFixtures.create("maidstone.editor", input);
        JsonPath created = answer.jsonPath();
        // One hectare and four: 5.001 ha.
        assertEquals(5.0, created.getDouble("landAreaHectares"), 0.025);
        assertEquals(2, created.getList("boundary.coordinates").size());
        assertRing(square(0.53, 51.27, 2), answer, "/boundary/coordinates/1/0");
    }

    @Test
    void putKeepsTheBoundaryWhenAbsentAndNullRemovesIt() {
        String token = AssetFixtures.token();
        Map<String, Object> input = AssetFixtures.with(AssetFixtures.asset("Boundary " + token, 51.27, 0.52),
                "boundary", hectare());
        Response created = AssetFixtures.create("maidstone.editor", input);
        String path = "/assets/" + created.path("id");
        double derived = created.jsonPath().getDouble("landAreaHectares");

        // A 3.0.0 client's PUT, without the member (and with its own land area): the boundary stays, and so
        // does its area.
        Map<String, Object> old = AssetFixtures.with(input, "boundary", null, "landAreaHectares", 7.5, "name",
                "Renamed " + token);
        Response kept = Api.as("maidstone.editor").header("If-Match", created.header("ETag")).body(old).put(path);
        kept.then().statusCode(200);
        assertEquals("MultiPolygon", kept.path("boundary.type"));
        assertEquals(derived, kept.jsonPath().getDouble("landAreaHectares"), 1e-9);

        // A new boundary replaces it, with its area; version and ETag move on.
        Map<String, Object> bigger = AssetFixtures.with(old, "boundary", polygon(square(0.52, 51.27, 2)));
        Response replaced = Api.as("maidstone.editor").header("If-Match", kept.header("ETag")).body(bigger).put(path);
        replaced.then().statusCode(200);
        assertEquals(4.0, replaced.jsonPath().getDouble("landAreaHectares"), 0.02);
        assertNotEquals(kept.header("ETag"), replaced.header("ETag"));
        // The old ETag is stale now: optimistic locking as for every write.
        Api.as("maidstone.editor").header("If-Match", kept.header("ETag")).body(bigger).put(path).then().statusCode(412);

        // null removes it; the land area stays as it was.
        Map<String, Object> cleared = new HashMap<>(old);
        cleared.remove("landAreaHectares");
        cleared.put("boundary", null);
        Response removed = Api.as("maidstone.editor").header("If-Match", replaced.header("ETag")).body(cleared).put(path);
        removed.then().statusCode(200);
        assertNull(removed.path("boundary"));
        assertEquals(replaced.jsonPath().getDouble("landAreaHectares"), removed.jsonPath().getDouble("landAreaHectares"), 1e-9);

        // The history has each change of the boundary as a change of the record, before and after.
        JsonPath history = Api.as("maidstone.viewer").get(path + "/history?limit=50").then().statusCode(200).extract()
                .jsonPath();
        List<Map<String, Object>> events = history.getList("items");
        List<Map<String, Object>> boundaryChanges = events.stream()
                .filter(e -> e.get("changes") instanceof Map<?, ?> changes
                        && changes.keySet().stream().anyMatch(k -> k.toString().startsWith("boundary")))
                .toList();
        // Created with one, replaced, removed (the renaming PUT kept it).
        assertEquals(3, boundaryChanges.size(), history.prettify());
    }

    @Test
    void theMapDrawsThePolygonWhereThereIsOne() {
        String token = AssetFixtures.token();
        AssetFixtures.create("maidstone.editor", AssetFixtures.with(AssetFixtures.asset("Outlined " + token, 51.27, 0.52),
                "boundary", hectare()));
        AssetFixtures.create("maidstone.editor", AssetFixtures.asset("Pointed " + token, 51.28, 0.53));
        // Validated against the contract (FeatureGeometry: Point or MultiPolygon) by Api's filter.
        Response answer = Api.as("police.viewer").accept("application/geo+json").get("/assets?q=" + token + "&sort=name");
        answer.then().statusCode(200);
        JsonPath map = answer.jsonPath();
        assertEquals("MultiPolygon", map.getString("features[0].geometry.type"));
        assertRing(square(0.52, 51.27, 1), answer, "/features/0/geometry/coordinates/0/0");
        assertEquals("Point", map.getString("features[1].geometry.type"));
        assertEquals(0.53, map.getDouble("features[1].geometry.coordinates[0]"), 1e-6);
        assertEquals(51.28, map.getDouble("features[1].geometry.coordinates[1]"), 1e-6);
    }

    /** Each refusal: the body's boundary, and the field the problem must name. */
    static Stream<Arguments> badBoundaries() {
        List<List<Double>> ring = square(0.52, 51.27, 1);
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("a string", "POLYGON((0.52 51.27, ...))", "boundary"));
        cases.add(Arguments.of("a Point", Map.of("type", "Point", "coordinates", List.of(0.52, 51.27)), "boundary.type"));
        cases.add(Arguments.of("no type", Map.of("coordinates", List.of(ring)), "boundary.type"));
        cases.add(Arguments.of("no coordinates", Map.of("type", "Polygon"), "boundary.coordinates"));
        cases.add(Arguments.of("empty coordinates", Map.of("type", "Polygon", "coordinates", List.of()), "boundary.coordinates"));
        cases.add(Arguments.of("a foreign member", Map.of("type", "Polygon", "coordinates", List.of(ring), "bbox",
                List.of(0.52, 51.27, 0.53, 51.28)), "boundary.bbox"));
        cases.add(Arguments.of("a position of one number", polygon(replace(ring, 2, List.of(0.52))), "boundary.coordinates[0][2]"));
        cases.add(Arguments.of("a position with altitude", polygon(replace(ring, 3, List.of(0.52, 51.27, 10.0))),
                "boundary.coordinates[0][3]"));
        cases.add(Arguments.of("a position of text", Map.of("type", "Polygon", "coordinates",
                List.of(List.of(ring.get(0), List.of("east", "north"), ring.get(2), ring.get(3), ring.get(4)))),
                "boundary.coordinates[0][1]"));
        cases.add(Arguments.of("a ring of three positions", polygon(List.of(ring.get(0), ring.get(1), ring.get(0))),
                "boundary.coordinates[0]"));
        cases.add(Arguments.of("a ring not closed", polygon(replace(ring, 4, List.of(0.5201, 51.27))), "boundary.coordinates[0]"));
        cases.add(Arguments.of("a position in Paris", polygon(replace(ring, 1, List.of(2.35, 48.85))), "boundary.coordinates[0][1]"));
        cases.add(Arguments.of("latitude and longitude swapped", polygon(List.of(List.of(51.27, 0.52), List.of(51.27, 0.53),
                List.of(51.28, 0.53), List.of(51.27, 0.52))), "boundary.coordinates[0][0]"));
        cases.add(Arguments.of("a MultiPolygon's polygon not an array", Map.of("type", "MultiPolygon", "coordinates",
                List.of("not a polygon")), "boundary.coordinates[0]"));
        cases.add(Arguments.of("a MultiPolygon given a Polygon's depth", Map.of("type", "MultiPolygon", "coordinates",
                List.of(ring)), "boundary.coordinates[0][0]"));
        cases.add(Arguments.of("10,001 positions", polygon(circle(10_000)), "boundary.coordinates"));
        cases.add(Arguments.of("a bow tie (self-intersecting)", polygon(List.of(List.of(0.52, 51.27), List.of(0.53, 51.28),
                List.of(0.53, 51.27), List.of(0.52, 51.28), List.of(0.52, 51.27))), "boundary"));
        cases.add(Arguments.of("overlapping parts", multiPolygon(square(0.52, 51.27, 2), square(0.521, 51.2705, 2)),
                "boundary"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBoundaries")
    void badBoundariesAreRefusedNamingTheField(String name, Object boundary, String field) throws Exception {
        String token = AssetFixtures.token();
        Map<String, Object> input = AssetFixtures.with(AssetFixtures.asset("Bad boundary " + token, 51.27, 0.52),
                "boundary", boundary);
        Response r = Api.badRequestAs("maidstone.editor").contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(JSON.writeValueAsString(input)).post("/assets");
        assertProblem(name, r, field);
        assertEquals(0, (int) Api.as("pmo.admin").get("/assets?q=" + token).path("total"), name + ": written");

        // The same on an update: the asset stays exactly as it was.
        Response existing = AssetFixtures.create("maidstone.editor", AssetFixtures.with(AssetFixtures.asset("Kept " + token,
                51.27, 0.52), "boundary", hectare()));
        String path = "/assets/" + existing.path("id");
        String before = Api.as("pmo.admin").get(path).asString();
        Response update = Api.badRequestAs("maidstone.editor").contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("If-Match", existing.header("ETag"))
                .body(JSON.writeValueAsString(AssetFixtures.with(input, "uprn", existing.path("uprn"), "ownReference",
                        existing.path("ownReference"))))
                .put(path);
        assertProblem(name + " (update)", update, field);
        assertEquals(before, Api.as("pmo.admin").get(path).asString(), name + ": the asset changed");
    }

    /** The import's SQL representation (asset_audit_doc, V24) has the boundary exactly as the API shows it. */
    @Test
    void theImportsRepresentationHasTheBoundaryAsTheApi() throws Exception {
        Map<String, Object> input = AssetFixtures.with(AssetFixtures.asset("Audit doc " + AssetFixtures.token(), 51.27, 0.52),
                "boundary", multiPolygon(square(0.5212345, 51.2712345, 1), square(0.53, 51.27, 1)));
        String id = AssetFixtures.createId("maidstone.editor", input);
        ObjectNode api = (ObjectNode) JSON.readTree(Api.as("maidstone.editor").get("/assets/" + id).then()
                .statusCode(200).extract().asString());
        api.remove(List.of("id", "version", "createdAt", "updatedAt"));
        JsonNode sql;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select cast(asset_audit_doc(a) as text) from asset a where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                sql = JSON.readTree(rs.getString(1));
            }
        }
        assertEquals(api, sql);
        assertEquals("MultiPolygon", sql.at("/boundary/type").asText());
    }

    @Test
    void theInvalidShapeIsExplainedByPostgis() {
        Map<String, Object> input = AssetFixtures.with(AssetFixtures.asset("Bow tie", 51.27, 0.52), "boundary",
                polygon(List.of(List.of(0.52, 51.27), List.of(0.53, 51.28), List.of(0.53, 51.27), List.of(0.52, 51.28),
                        List.of(0.52, 51.27))));
        Response r = Api.badRequestAs("maidstone.editor").contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(input).post("/assets");
        assertEquals(400, r.statusCode());
        assertTrue(r.asString().contains("Self-intersection"), r.asString());
    }

    static void assertProblem(String name, Response r, String field) {
        assertEquals(400, r.statusCode(), name + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), name + ": " + r.contentType());
        List<String> fields = r.jsonPath().getList("errors.field", String.class);
        assertTrue(fields.contains(field), name + ": the problem names " + fields + ", not " + field + ": " + r.asString());
        assertFalse(r.jsonPath().getString("errors.find { it.field == '" + field + "' }.message").isBlank(), name);
    }

    /** Compares a ring with the answer's, read at `pointer` with Jackson (JsonPath reads floats). */
    static void assertRing(List<List<Double>> expected, Response answer, String pointer) {
        JsonNode actual;
        try {
            actual = JSON.readTree(answer.asString()).at(pointer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(expected.size(), actual.size(), pointer + ": " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).get(0), actual.get(i).get(0).doubleValue(), PRECISION, "lon " + i);
            assertEquals(expected.get(i).get(1), actual.get(i).get(1).doubleValue(), PRECISION, "lat " + i);
        }
    }

    static List<Object> replace(List<List<Double>> ring, int index, Object position) {
        List<Object> copy = new ArrayList<>(ring);
        copy.set(index, position);
        return copy;
    }

    /** A closed ring of `n` + 1 positions around Maidstone. */
    static List<List<Double>> circle(int n) {
        List<List<Double>> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            ring.add(List.of(Math.round((0.52 + 0.01 * Math.cos(angle)) * 1e7) / 1e7,
                    Math.round((51.27 + 0.01 * Math.sin(angle)) * 1e7) / 1e7));
        }
        ring.add(ring.get(0));
        return ring;
    }
}
