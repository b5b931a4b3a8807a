package org.estatehub.common.geo;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.estatehub.api.model.FieldError;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Site boundaries as GeoJSON: what Java checks cheaply in a caller's Polygon or MultiPolygon (shape,
 * closed rings, UK bounds, vertex count; PostGIS checks validity, see BoundaryMeasures), and the stored
 * MultiPolygon as GeoJSON text, the one form the entities hold it in.
 */
public final class SiteBoundaries {

    /** The same bounds as the point columns (asset and brownfield_site check constraints). */
    static final BigDecimal MIN_LON = new BigDecimal("-8.7");
    static final BigDecimal MAX_LON = new BigDecimal("1.8");
    static final BigDecimal MIN_LAT = new BigDecimal("49.8");
    static final BigDecimal MAX_LAT = new BigDecimal("60.9");

    /** Seven decimals of a degree is about 1 cm, finer than any surveyed boundary. */
    public static final int DECIMALS = 7;

    /** A body with thousands of broken positions is refused with the first of them, not all. */
    static final int MAX_REPORTED = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SiteBoundaries() {
    }

    /** What a body says about a boundary: nothing (keep it), null (remove it), or a new one. */
    public sealed interface Change permits Keep, Clear, Replace {
    }

    public record Keep() implements Change {
    }

    public record Clear() implements Change {
    }

    /** @param geoJson the boundary as a MultiPolygon, positions rounded to {@link #DECIMALS} */
    public record Replace(String geoJson) implements Change {
    }

    /**
     * Reads a body's boundary member: absent is {@link Keep}, JSON null is {@link Clear}, a geometry {@link Replace}.
     *
     * @param field the member's name in problems ("boundary"), or "" where the body is the geometry
     */
    public static Change read(JsonNode node, String field, int maxVertices) {
        if (node == null) {
            return new Keep();
        }
        if (node.isNull()) {
            return new Clear();
        }
        return new Replace(parse(node, field, maxVertices));
    }

    /** The geometry as a MultiPolygon's GeoJSON text, or a 400 naming each broken member and position. */
    public static String parse(JsonNode node, String field, int maxVertices) {
        List<FieldError> errors = new ArrayList<>();
        String self = field.isEmpty() ? "boundary" : field;
        if (!node.isObject()) {
            throw invalid(self, "must be a GeoJSON Polygon or MultiPolygon object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext();) {
            String name = members.next().getKey();
            if (!name.equals("type") && !name.equals("coordinates")) {
                errors.add(Problems.fieldError(path(field, name), "is not a member of a GeoJSON geometry this API reads"
                        + " (type and coordinates)"));
            }
        }
        JsonNode type = node.get("type");
        boolean multi = type != null && "MultiPolygon".equals(type.asText(null)) && type.isTextual();
        boolean polygon = type != null && "Polygon".equals(type.asText(null)) && type.isTextual();
        if (!multi && !polygon) {
            errors.add(Problems.fieldError(path(field, "type"), "must be Polygon or MultiPolygon"));
        }
        JsonNode coordinates = node.get("coordinates");
        String at = path(field, "coordinates");
        if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
            errors.add(Problems.fieldError(at, "must be a non-empty array of "
                    + (multi ? "polygons" : "rings") + " of [longitude, latitude] positions"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // Counted before anything is read position by position: a huge body is refused at once.
        long vertices = countPositions(coordinates, multi ? 3 : 2);
        if (vertices > maxVertices) {
            throw invalid(at, "has " + vertices + " positions, more than the " + maxVertices
                    + " a boundary may have (estatehub.geometry.max-vertices)");
        }
        List<List<List<BigDecimal[]>>> polygons = new ArrayList<>();
        if (multi) {
            for (int p = 0; p < coordinates.size(); p++) {
                JsonNode rings = coordinates.get(p);
                String ringsAt = at + "[" + p + "]";
                if (!rings.isArray() || rings.isEmpty()) {
                    errors.add(Problems.fieldError(ringsAt, "must be a non-empty array of rings"));
                    continue;
                }
                polygons.add(polygon(rings, ringsAt, errors));
            }
        } else {
            polygons.add(polygon(coordinates, at, errors));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.size() > MAX_REPORTED ? errors.subList(0, MAX_REPORTED) : errors);
        }
        return geoJson(polygons);
    }

    private static List<List<BigDecimal[]>> polygon(JsonNode rings, String at, List<FieldError> errors) {
        List<List<BigDecimal[]>> polygon = new ArrayList<>();
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            String ringAt = at + "[" + r + "]";
            if (!ring.isArray()) {
                errors.add(Problems.fieldError(ringAt, "must be an array of [longitude, latitude] positions"));
                continue;
            }
            List<BigDecimal[]> positions = new ArrayList<>();
            boolean whole = true;
            for (int i = 0; i < ring.size(); i++) {
                BigDecimal[] position = position(ring.get(i), ringAt + "[" + i + "]", errors);
                whole &= position != null;
                positions.add(position);
            }
            if (ring.size() < 4) {
                errors.add(Problems.fieldError(ringAt, "a ring needs at least 4 positions (the last repeating the"
                        + " first), it has " + ring.size()));
            } else if (whole && !sameAs(positions.get(0), positions.get(positions.size() - 1))) {
                errors.add(Problems.fieldError(ringAt, "is not closed: its last position must equal its first"));
            }
            polygon.add(positions);
        }
        return polygon;
    }

    private static BigDecimal[] position(JsonNode node, String at, List<FieldError> errors) {
        if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
            errors.add(Problems.fieldError(at, "must be a [longitude, latitude] pair of numbers (WGS84 degrees,"
                    + " no altitude)"));
            return null;
        }
        BigDecimal lon = node.get(0).decimalValue().setScale(DECIMALS, RoundingMode.HALF_UP);
        BigDecimal lat = node.get(1).decimalValue().setScale(DECIMALS, RoundingMode.HALF_UP);
        if (lon.compareTo(MIN_LON) < 0 || lon.compareTo(MAX_LON) > 0 || lat.compareTo(MIN_LAT) < 0
                || lat.compareTo(MAX_LAT) > 0) {
            errors.add(Problems.fieldError(at, "[" + lon.stripTrailingZeros().toPlainString() + ", "
                    + lat.stripTrailingZeros().toPlainString() + "] is outside the UK (longitude -8.7 to 1.8,"
                    + " latitude 49.8 to 60.9; positions are [longitude, latitude])"));
            return null;
        }
        return new BigDecimal[] {lon, lat};
    }

    private static boolean sameAs(BigDecimal[] a, BigDecimal[] b) {
        return a[0].compareTo(b[0]) == 0 && a[1].compareTo(b[1]) == 0;
    }

    /** Positions nested `depth` arrays down (2 in a Polygon's coordinates, 3 in a MultiPolygon's). */
    private static long countPositions(JsonNode node, int depth) {
        if (!node.isArray()) {
            return 0;
        }
        if (depth == 0) {
            return 1;
        }
        long count = 0;
        for (JsonNode child : node) {
            count += depth == 1 ? 1 : countPositions(child, depth - 1);
        }
        return count;
    }

    private static String geoJson(List<List<List<BigDecimal[]>>> polygons) {
        StringBuilder text = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int p = 0; p < polygons.size(); p++) {
            text.append(p == 0 ? "[" : ",[");
            List<List<BigDecimal[]>> rings = polygons.get(p);
            for (int r = 0; r < rings.size(); r++) {
                text.append(r == 0 ? "[" : ",[");
                List<BigDecimal[]> ring = rings.get(r);
                for (int i = 0; i < ring.size(); i++) {
                    BigDecimal[] position = ring.get(i);
                    text.append(i == 0 ? "[" : ",[").append(number(position[0])).append(',')
                            .append(number(position[1])).append(']');
                }
                text.append(']');
            }
            text.append(']');
        }
        return text.append("]}").toString();
    }

    /** As PostGIS's ST_AsGeoJSON writes it: no trailing zeros, no exponent. */
    private static String number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /**
     * A GeoJSON Point of the point columns, their decimals as stored (DecimalNode, not the node factory,
     * which would strip the trailing zeros the answers have always had).
     */
    public static JsonNode point(BigDecimal longitude, BigDecimal latitude) {
        ObjectNode point = JsonNodeFactory.instance.objectNode();
        point.put("type", "Point");
        point.putArray("coordinates").add(DecimalNode.valueOf(longitude)).add(DecimalNode.valueOf(latitude));
        return point;
    }

    /** The stored GeoJSON text as a JSON tree for the contract's models. */
    public static JsonNode json(String geoJson) {
        try {
            return JSON.readTree(geoJson);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A stored boundary is not GeoJSON", e);
        }
    }

    private static String path(String field, String member) {
        return field.isEmpty() ? member : field + "." + member;
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalid(List.of(Problems.fieldError(field, message)));
    }
}
