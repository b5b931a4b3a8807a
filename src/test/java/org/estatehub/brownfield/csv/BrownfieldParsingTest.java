package org.estatehub.brownfield.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.estatehub.asset.csv.FileEncoding;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/** The brownfield register's parsing rules without the stack: coordinates, headers, dates, encodings. */
@FastTest
class BrownfieldParsingTest {

    private final BrownfieldCoordinates coordinates = new BrownfieldCoordinates();

    @Test
    void gridReferencesAreConvertedToWgs84() throws Exception {
        // King Street, Maidstone: easting 576086, northing 155747 is about 51.273 N, 0.523 E (OsGridTest checks
        // the conversion itself; this checks which value is which).
        var location = coordinates.fromGeoXY("OSGB36", "576086", "155747", "GeoX", "GeoY", "CoordinateReferenceSystem");
        assertEquals(51.273, location.latitude().doubleValue(), 0.001);
        assertEquals(0.523, location.longitude().doubleValue(), 0.001);
        assertEquals(6, location.latitude().scale());
        assertEquals(BrownfieldCoordinates.System.BRITISH_NATIONAL_GRID, location.system());
        assertEquals(BrownfieldCoordinates.Source.STATED, location.source());
        assertEquals(location, coordinates.fromGeoXY("EPSG:27700", "576086", "155747", "GeoX", "GeoY", "CRS"));
    }

    @Test
    void withoutAStatedSystemTheRangeDecides() throws Exception {
        var grid = coordinates.fromGeoXY("", "575780", "155700", "GeoX", "GeoY", "CRS");
        assertEquals(BrownfieldCoordinates.System.BRITISH_NATIONAL_GRID, grid.system());
        assertEquals(BrownfieldCoordinates.Source.BY_RANGE, grid.source());
        var degrees = coordinates.fromGeoXY(null, "0.5265", "51.27615", "GeoX", "GeoY", "CRS");
        assertEquals(BrownfieldCoordinates.System.WGS84, degrees.system());
        assertEquals("51.276150", degrees.latitude().toPlainString());
        assertEquals("0.526500", degrees.longitude().toPlainString());
    }

    @Test
    void aWgs84RowWhoseGeoXIsALatitudeNamesBothColumns() {
        var e = assertThrows(BrownfieldCoordinates.CoordinateError.class,
                () -> coordinates.fromGeoXY("WGS84", "51.27615", "0.5265", "GeoX", "GeoY", "CRS"));
        assertEquals("GeoX, GeoY", e.field);
        assertTrue(e.getMessage().contains("looks like a latitude") && e.getMessage().contains("swapped"), e.getMessage());
        // The same swap with no system stated is refused too, rather than read as a point in the sea.
        assertThrows(BrownfieldCoordinates.CoordinateError.class,
                () -> coordinates.fromGeoXY("", "51.27615", "0.5265", "GeoX", "GeoY", "CRS"));
    }

    @Test
    void impossibleAndHalfGivenCoordinatesAreRowErrors() {
        for (String[] xy : List.of(new String[] {"9999999", "155300"}, new String[] {"575780", "-3"},
                new String[] {"12", "34"}, new String[] {"east", "155300"})) {
            assertThrows(BrownfieldCoordinates.CoordinateError.class,
                    () -> coordinates.fromGeoXY("OSGB36", xy[0], xy[1], "GeoX", "GeoY", "CRS"), String.join(",", xy));
        }
        var swappedGrid = assertThrows(BrownfieldCoordinates.CoordinateError.class,
                () -> coordinates.fromGeoXY("OSGB36", "1155700", "575780", "GeoX", "GeoY", "CRS"));
        assertTrue(swappedGrid.getMessage().contains("swapped"), swappedGrid.getMessage());
        var half = assertThrows(BrownfieldCoordinates.CoordinateError.class,
                () -> coordinates.fromGeoXY("OSGB36", "575780", "", "GeoX", "GeoY", "CRS"));
        assertEquals("GeoY", half.field);
        var unknown = assertThrows(BrownfieldCoordinates.CoordinateError.class,
                () -> coordinates.fromGeoXY("Irish Grid", "575780", "155700", "GeoX", "GeoY", "CRS"));
        assertEquals("CRS", unknown.field);
    }

    @Test
    void planningDataPointsAreLongitudeFirst() throws Exception {
        var point = coordinates.fromPoint("POINT (1.2883 51.1406)", "point");
        assertEquals("51.140600", point.latitude().toPlainString());
        assertEquals(BrownfieldCoordinates.Source.WKT_POINT, point.source());
        assertNull(coordinates.fromPoint("", "point"));
        var latFirst = assertThrows(BrownfieldCoordinates.CoordinateError.class,
                () -> coordinates.fromPoint("POINT(51.1406 1.2883)", "point"));
        assertTrue(latFirst.getMessage().contains("latitude first"), latFirst.getMessage());
        assertThrows(BrownfieldCoordinates.CoordinateError.class,
                () -> coordinates.fromPoint("MULTIPOLYGON(((1 51,1 52,2 52,1 51)))", "point"));
    }

    @Test
    void misspeltHeadersNameTheColumnTheyProbablyAre() {
        List<String> header = List.of("OrganisationURI", "SiteRefernce", "SiteNameAddress", "GeoX", "GeoY", "Hecatres",
                "Ward");
        var problem = assertThrows(ProblemException.class, () -> BrownfieldHeader.read(header));
        assertEquals(400, problem.status());
        assertEquals(List.of("SiteRefernce", "Hecatres", "SiteReference"),
                problem.errors().stream().map(e -> e.getField()).toList());
        assertTrue(problem.errors().get(0).getMessage().contains("probably 'SiteReference'"));
        assertTrue(problem.errors().get(1).getMessage().contains("probably 'Hectares'"));
    }

    @Test
    void theLayoutIsTheOneMoreHeadersBelongTo() {
        var standard = BrownfieldHeader.read(List.of("\uFEFFOrganisationURI", "Site Reference ", "SiteNameAddress",
                "GeoX", "GeoY", "Ward"));
        assertEquals(BrownfieldLayout.BROWNFIELD_2017, standard.layout);
        assertEquals(1, standard.columns.get(BrownfieldColumn.SITE_REFERENCE));
        // An unknown header far from every column is only a warning: its values are not read.
        assertEquals("Ward", standard.warnings.get(0).getField());
        var planning = BrownfieldHeader.read(List.of("reference", "name", "site-address", "point", "geometry"));
        assertEquals(BrownfieldLayout.PLANNING_DATA, planning.layout);
        assertThrows(ProblemException.class, () -> BrownfieldHeader.read(List.of("UPRN", "Asset name")));
        assertThrows(ProblemException.class, () -> BrownfieldHeader.read(List.of("SiteReference", "GeoX")),
                "SiteNameAddress is required and GeoX needs GeoY");
    }

    @Test
    void datesAsDayMonthYearOrIso() {
        assertEquals(LocalDate.of(2017, 12, 20), BrownfieldRowParser.date("20/12/2017"));
        assertEquals(LocalDate.of(2017, 12, 1), BrownfieldRowParser.date("1/12/2017"));
        assertEquals(LocalDate.of(2017, 12, 20), BrownfieldRowParser.date("2017-12-20"));
        assertEquals(LocalDate.of(2017, 12, 20), BrownfieldRowParser.date("2017-12-20T00:00:00Z"));
        assertNull(BrownfieldRowParser.date("31/02/2019"));
        assertNull(BrownfieldRowParser.date("20/12/17"));
        assertNull(BrownfieldRowParser.date("12/20/2017"));
    }

    @Test
    void encodingsOfTheTestRegisters() {
        assertEquals(new FileEncoding(StandardCharsets.UTF_8, FileEncoding.Source.BYTE_ORDER_MARK),
                FileEncoding.of(() -> resource("maidstone-2017-utf8-bom.csv"), null));
        assertEquals(new FileEncoding(FileEncoding.WINDOWS_1252, FileEncoding.Source.NOT_UTF8),
                FileEncoding.of(() -> resource("maidstone-2017-windows-1252.csv"), null));
        assertEquals(new FileEncoding(StandardCharsets.UTF_8, FileEncoding.Source.VALID_UTF8),
                FileEncoding.of(() -> resource("dover-planning-data.csv"), null));
        assertEquals(FileEncoding.Source.DECLARED,
                FileEncoding.of(() -> resource("dover-planning-data.csv"), StandardCharsets.ISO_8859_1).source());
    }

    @Test
    void ownersAreKnownByNameCodeOrUri() {
        var partner = new org.estatehub.partner.Partner();
        partner.id = "maidstone";
        partner.name = "Maidstone Borough Council";
        partner.shortName = "Maidstone BC";
        var authority = new org.estatehub.authority.LocalAuthority();
        authority.code = "E07000110";
        authority.laCode = "MAI";
        authority.name = "Maidstone";
        authority.officialName = "Maidstone Borough Council";
        OwnerNames names = new OwnerNames(partner, authority);
        for (String name : List.of("Maidstone Borough Council", "maidstone bc", "E07000110", "Maidstone",
                "http://opendatacommunities.org/id/district-council/maidstone",
                "http://opendatacommunities.org/id/district-council/E07000110/", "local-authority-eng:MAI")) {
            assertTrue(names.matches(name), name);
        }
        for (String name : List.of("Dover District Council", "E07000108", "local-authority-eng:DOV",
                "http://opendatacommunities.org/id/district-council/dover", "Maidstone Borough")) {
            assertTrue(!names.matches(name), name);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = BrownfieldParsingTest.class.getResourceAsStream("/brownfield/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing test file " + name));
        }
        return in;
    }
}
