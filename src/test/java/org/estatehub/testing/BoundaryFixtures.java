package org.estatehub.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** GeoJSON boundaries for tests: squares of a known size near Maidstone. */
public final class BoundaryFixtures {

    /**
     * Degrees of longitude and latitude that make 100 m at latitude 51.27 on the WGS84 spheroid (a degree
     * of longitude is 69,790 m there, of latitude 111,254 m): PostGIS measures the square at 10,002 m².
     */
    public static final double LON_100M = 0.001433;
    public static final double LAT_100M = 0.000899;

    private BoundaryFixtures() {
    }

    /** A closed ring: the square `sides` x 100 m wide whose south-west corner is (lon, lat), anticlockwise. */
    public static List<List<Double>> square(double lon, double lat, int sides) {
        double east = round(lon + sides * LON_100M);
        double north = round(lat + sides * LAT_100M);
        return List.of(List.of(lon, lat), List.of(east, lat), List.of(east, north), List.of(lon, north),
                List.of(lon, lat));
    }

    /** A one-hectare Polygon near Maidstone (0.52, 51.27). */
    public static Map<String, Object> hectare() {
        return polygon(square(0.52, 51.27, 1));
    }

    public static Map<String, Object> polygon(List<?> ring) {
        return Map.of("type", "Polygon", "coordinates", List.of(ring));
    }

    public static Map<String, Object> multiPolygon(List<List<Double>>... outlines) {
        List<Object> polygons = new ArrayList<>();
        for (List<List<Double>> outline : outlines) {
            polygons.add(List.of(outline));
        }
        return Map.of("type", "MultiPolygon", "coordinates", polygons);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
