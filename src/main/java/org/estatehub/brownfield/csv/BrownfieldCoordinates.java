package org.estatehub.brownfield.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.estatehub.asset.geo.OsGrid;

/**
 * Reads a register row's location: GeoX/GeoY in the row's CoordinateReferenceSystem (or, when it states
 * none, by their range), or planning data's WKT point. Not thread-safe (OsGrid): one per import.
 */
final class BrownfieldCoordinates {

    enum System {
        BRITISH_NATIONAL_GRID, WGS84
    }

    enum Source {
        STATED, BY_RANGE, WKT_POINT
    }

    /** A location in WGS84 (6 decimal places, about 0.1 m) and how it was read. */
    record Location(BigDecimal latitude, BigDecimal longitude, System system, Source source) {
    }

    /** A row's coordinates could not be read; `field` names the column or columns at fault. */
    static final class CoordinateError extends Exception {
        final String field;

        CoordinateError(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    // The United Kingdom's extent, as the contract's Location states it.
    static final double MIN_LAT = 49.8;
    static final double MAX_LAT = 60.9;
    static final double MIN_LON = -8.7;
    static final double MAX_LON = 1.8;
    // The National Grid's extent in metres.
    static final double MAX_EASTING = 700_000;
    static final double MAX_NORTHING = 1_300_000;

    private static final Pattern POINT = Pattern.compile(
            "(?i)^POINT\\s*\\(\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s+(-?[0-9]+(?:\\.[0-9]+)?)\\s*\\)$");

    private final OsGrid grid = new OsGrid();

    /**
     * The location of GeoX/GeoY (null when both are empty) in the stated system (null or blank for none).
     */
    Location fromGeoXY(String crs, String geoX, String geoY, String xHeader, String yHeader, String crsHeader)
            throws CoordinateError {
        boolean noX = geoX == null || geoX.isEmpty();
        boolean noY = geoY == null || geoY.isEmpty();
        if (noX && noY) {
            return null;
        }
        if (noX || noY) {
            throw new CoordinateError(noX ? xHeader : yHeader, "is empty although " + (noX ? yHeader : xHeader)
                    + " has a value; give both coordinates or neither");
        }
        double x = number(geoX, xHeader);
        double y = number(geoY, yHeader);
        System stated = system(crs, crsHeader);
        String both = xHeader + ", " + yHeader;
        if (stated == System.WGS84) {
            if (isLon(x) && isLat(y)) {
                return wgs84(geoX, geoY, Source.STATED);
            }
            if (isLat(x) && isLon(y)) {
                throw new CoordinateError(both, xHeader + " (" + geoX + ") looks like a latitude and " + yHeader + " ("
                        + geoY + ") like a longitude; in WGS84 " + xHeader + " is the longitude and " + yHeader
                        + " the latitude: are the columns swapped?");
            }
            if (looksLikeGrid(x, y)) {
                throw new CoordinateError(both, "(" + geoX + ", " + geoY + ") looks like British National Grid "
                        + "easting/northing, but " + crsHeader + " says '" + crs + "'");
            }
            throw new CoordinateError(both, "(" + geoX + ", " + geoY + ") is not a WGS84 longitude/latitude in the "
                    + "United Kingdom (longitude " + MIN_LON + " to " + MAX_LON + ", latitude " + MIN_LAT + " to "
                    + MAX_LAT + ")");
        }
        if (stated == System.BRITISH_NATIONAL_GRID) {
            if (isLon(x) && isLat(y) || isLat(x) && isLon(y)) {
                throw new CoordinateError(both, "(" + geoX + ", " + geoY + ") looks like degrees of latitude and "
                        + "longitude, but " + crsHeader + " says '" + crs + "' (easting/northing in metres)");
            }
            return grid(x, y, geoX, geoY, both, Source.STATED);
        }
        if (isLon(x) && isLat(y)) {
            return wgs84(geoX, geoY, Source.BY_RANGE);
        }
        if (isLat(x) && isLon(y)) {
            throw new CoordinateError(both, xHeader + " (" + geoX + ") looks like a latitude and " + yHeader + " ("
                    + geoY + ") like a longitude; " + xHeader + " should be the longitude: are the columns swapped?");
        }
        return grid(x, y, geoX, geoY, both, Source.BY_RANGE);
    }

    /** Planning data's `POINT(longitude latitude)`; null when empty. */
    Location fromPoint(String wkt, String header) throws CoordinateError {
        if (wkt == null || wkt.isEmpty()) {
            return null;
        }
        Matcher m = POINT.matcher(wkt.strip());
        if (!m.matches()) {
            throw new CoordinateError(header, "'" + wkt + "' is not a WKT point such as POINT(0.5101 51.2699)"
                    + " (longitude, then latitude)");
        }
        double lon = Double.parseDouble(m.group(1));
        double lat = Double.parseDouble(m.group(2));
        if (isLon(lon) && isLat(lat)) {
            return new Location(scale(new BigDecimal(m.group(2))), scale(new BigDecimal(m.group(1))), System.WGS84,
                    Source.WKT_POINT);
        }
        if (isLat(lon) && isLon(lat)) {
            throw new CoordinateError(header, "'" + wkt + "' has the latitude first; a WKT point is "
                    + "POINT(longitude latitude)");
        }
        throw new CoordinateError(header, "'" + wkt + "' is not in the United Kingdom (longitude " + MIN_LON + " to "
                + MAX_LON + ", latitude " + MIN_LAT + " to " + MAX_LAT + ")");
    }

    /** The system a CoordinateReferenceSystem cell names; null when it names none. */
    static System system(String crs, String header) throws CoordinateError {
        if (crs == null || crs.isBlank()) {
            return null;
        }
        String key = crs.toUpperCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
        return switch (key) {
            case "OSGB36", "OSGB1936", "EPSG:27700", "27700", "BNG", "BRITISHNATIONALGRID", "OSGB", "OSGB36/BNG" ->
                System.BRITISH_NATIONAL_GRID;
            // ETRS89 and WGS84 differ by well under a metre in Great Britain today; both are read as WGS84.
            case "WGS84", "EPSG:4326", "4326", "ETRS89", "EPSG:4258", "4258" -> System.WGS84;
            default -> throw new CoordinateError(header, "'" + crs + "' is not one of OSGB36, EPSG:27700, WGS84, ETRS89");
        };
    }

    private Location grid(double x, double y, String geoX, String geoY, String both, Source source)
            throws CoordinateError {
        if (x > MAX_EASTING && x <= MAX_NORTHING && y >= 0 && y <= MAX_EASTING) {
            throw new CoordinateError(both, "(" + geoX + ", " + geoY + ") has an easting larger than the National "
                    + "Grid's " + (long) MAX_EASTING + " m; is the northing first (columns swapped)?");
        }
        if (!looksLikeGrid(x, y)) {
            throw new CoordinateError(both, "(" + geoX + ", " + geoY + ") is neither a British National Grid "
                    + "easting/northing (0 to " + (long) MAX_EASTING + ", 0 to " + (long) MAX_NORTHING
                    + " m) nor a WGS84 longitude/latitude in the United Kingdom");
        }
        double[] latLon = grid.toLatLon(x, y);
        if (!isLat(latLon[0]) || !isLon(latLon[1])) {
            throw new CoordinateError(both, "(" + geoX + ", " + geoY + ") lies outside the United Kingdom");
        }
        return new Location(scale(BigDecimal.valueOf(latLon[0])), scale(BigDecimal.valueOf(latLon[1])),
                System.BRITISH_NATIONAL_GRID, source);
    }

    private static Location wgs84(String lon, String lat, Source source) {
        return new Location(scale(new BigDecimal(lat)), scale(new BigDecimal(lon)), System.WGS84, source);
    }

    private static boolean looksLikeGrid(double x, double y) {
        // Under 1 km from the grid's origin is open sea south-west of Scilly: such values are degrees or typos.
        return x >= 1_000 && x <= MAX_EASTING && y >= 1_000 && y <= MAX_NORTHING;
    }

    private static boolean isLat(double v) {
        return v >= MIN_LAT && v <= MAX_LAT;
    }

    private static boolean isLon(double v) {
        return v >= MIN_LON && v <= MAX_LON;
    }

    private static double number(String text, String header) throws CoordinateError {
        if (!text.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new CoordinateError(header, "'" + text + "' is not a number");
        }
        return Double.parseDouble(text);
    }

    private static BigDecimal scale(BigDecimal degrees) {
        return degrees.setScale(6, RoundingMode.HALF_UP);
    }
}
