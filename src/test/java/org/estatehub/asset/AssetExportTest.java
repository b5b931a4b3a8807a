package org.estatehub.asset;

import static org.estatehub.testing.AssetFixtures.asset;
import static org.estatehub.testing.AssetFixtures.createId;
import static org.estatehub.testing.AssetFixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.estatehub.asset.geo.OsGrid;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * `GET /assets/export` in its three layouts: the LGA schema (default), the older Transparency Code layout and
 * e-PIMS; what each column holds, the source columns after them, and the stale wording an update drops.
 * Source columns and the coordinate system are set only by an import, so these tests set them in SQL to
 * test the export on its own (AssetExportRoundTripTest imports real files).
 */
@QuarkusTest
class AssetExportTest {

    static final List<String> LGA = List.of("OrganisationURI", "OrganisationLabel", "Organisation", "EffectiveDate",
            "UPRN", "AssetCode", "PropertyName", "StreetNumber", "StreetName", "PostTown", "PostCode",
            "CoordinateReferenceSystem", "GeoX", "GeoY", "TenureType", "TenureDetail", "OtherDetail", "HoldingType",
            "BuildingSize", "LandArea", "EnergyRating", "Asset type", "Local authority", "Local authority name", "Status",
            "Annual running cost (GBP)", "Utilisation (%)", "Shared workspace desks", "Visibility", "e-PIMS reference",
            "Land only");

    /** The header EstateHub 2.x wrote, byte for byte. */
    static final String TRANSPARENCY_2014_HEADER = "Organisation name,UPRN,Unique Asset ID,Name,Street number,Street,"
            + "Post town,Postcode,X co-ordinate,Y co-ordinate,Tenure,Tenure category,Asset type,Local authority,"
            + "Local authority name,Land only,Gross internal area (m2),Annual running cost (GBP),Utilisation (%),Status,"
            + "Shared workspace desks,Visibility,e-PIMS reference";

    static final String EPIMS_HEADER = "e-PIMS Property Reference,Property Name,Address,Town,Postcode,UPRN,Organisation,"
            + "Tenure,Holding Type,GIA (sq m),Site Area (ha),Contact";

    static final String NBSP = "\u00a0";

    @Inject
    AgroalDataSource dataSource;

    /** A CSV as a header and rows, by position: a register may repeat a header. */
    record Csv(List<String> header, List<List<String>> rows) {
        static Csv parse(String text) throws IOException {
            List<List<String>> all = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(text))) {
                all.add(r.toList());
            }
            return new Csv(all.get(0), all.subList(1, all.size()));
        }

        List<String> row(String column, String value) {
            int i = header.indexOf(column);
            return rows.stream().filter(r -> r.get(i).equals(value)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value));
        }

        boolean has(String column, String text) {
            int i = header.indexOf(column);
            return rows.stream().anyMatch(r -> r.get(i).contains(text));
        }

        String get(List<String> row, String column) {
            int i = header.indexOf(column);
            assertTrue(i >= 0, "no column " + column + " in " + header);
            return row.get(i);
        }
    }

    private static Response export(String user, String query) {
        return Api.as(user).accept("text/csv").get("/assets/export" + query);
    }

    private static Csv csv(String user, String query) throws IOException {
        Response r = export(user, query);
        r.then().statusCode(200);
        return Csv.parse(r.asString());
    }

    private void sql(String statement, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i], java.sql.Types.VARCHAR);
            }
            s.executeUpdate();
        }
    }

    /** What an import stores for a row whose register had these cells without a typed field. */
    private void imported(String id, String coordinateSystem, String sourceColumnsJson) throws Exception {
        sql("update asset set coordinate_system = coalesce(?::varchar, coordinate_system), source_columns = ?::jsonb where id = ?::uuid",
                coordinateSystem, sourceColumnsJson, id);
    }

    private static String grid(double metres) {
        return BigDecimal.valueOf(metres).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void lgaLayoutWritesTheSchemasColumnsThenEstateHubsThenTheSourceColumns() throws Exception {
        String token = AssetFixtures.token();
        String wgs = createId("maidstone.editor", with(asset("Located WGS " + token, 51.271234, 0.522345),
                "occupancy", "LET", "holding", "LAND_AND_BUILDING", "epcBand", "C", "landAreaHectares", 0.25,
                "effectiveDate", "2025-03-31", "epimsReference", "EP-" + token.substring(2, 8)));
        createId("maidstone.editor", with(asset("Unlocated " + token, 51.27, 0.52), "location", null, "tenure", null));
        String grid = createId("maidstone.editor", with(asset("Grid " + token, 51.274060, 0.525980),
                "occupancy", "OWNER_OCCUPIED", "holding", "BUILDING"));
        imported(grid, "EPSG:27700", """
                [{"name": "Tenure Type", "value": "Freehold\u00a0"},
                 {"name": "TenureDetail", "value": "Occupied by local authority"},
                 {"name": "OtherDetail", "value": "Ground floor only"},
                 {"name": "Ward %1$s", "value": "High Street"},
                 {"name": "Organisation", "value": "MBC"},
                 {"name": "Notes %1$s", "value": "Listed, grade II"}]""".formatted(token));

        Response r = export("maidstone.editor", "?partner=maidstone");
        r.then().statusCode(200).header("Content-Disposition", equalTo("attachment; filename=\"assets-lga.csv\""));
        Csv csv = Csv.parse(r.asString());
        assertEquals(LGA, csv.header().subList(0, LGA.size()));
        // The source columns follow, each once, in the order a reader meets them; the second Organisation
        // column of the register keeps its name.
        List<String> extras = csv.header().subList(LGA.size(), csv.header().size());
        assertTrue(extras.indexOf("Ward " + token) >= 0 && extras.indexOf("Ward " + token) < extras.indexOf("Notes " + token),
                extras.toString());
        assertTrue(extras.contains("Organisation"), extras.toString());
        assertFalse(extras.contains("OtherDetail") || extras.contains("Tenure Type") || extras.contains("TenureDetail"),
                "wording and OtherDetail are written in their own columns: " + extras);

        List<String> a = csv.row("PropertyName", "Located WGS " + token);
        String maidstoneUri = Api.as("maidstone.editor").get("/partners/maidstone").path("organisationUri");
        assertEquals(maidstoneUri != null ? maidstoneUri
                : "http://statistics.data.gov.uk/id/statistical-geography/E07000110", csv.get(a, "OrganisationURI"));
        assertEquals("Maidstone Borough Council", csv.get(a, "OrganisationLabel"));
        assertEquals("Maidstone BC", csv.get(a, "Organisation"));
        assertEquals("2025-03-31", csv.get(a, "EffectiveDate"));
        assertEquals("", csv.get(a, "StreetNumber"));
        assertEquals("1 Test Street", csv.get(a, "StreetName"));
        assertEquals("Maidstone", csv.get(a, "PostTown"));
        assertEquals("ME14 1XQ", csv.get(a, "PostCode"));
        assertEquals("WGS84", csv.get(a, "CoordinateReferenceSystem"));
        assertEquals("0.522345", csv.get(a, "GeoX"));
        assertEquals("51.271234", csv.get(a, "GeoY"));
        assertEquals("Freehold", csv.get(a, "TenureType"));
        assertEquals("Let", csv.get(a, "TenureDetail"));
        assertEquals("", csv.get(a, "OtherDetail"));
        assertEquals("Land and building", csv.get(a, "HoldingType"));
        assertEquals("1200.50", csv.get(a, "BuildingSize"));
        assertEquals("0.2500", csv.get(a, "LandArea"));
        assertEquals("C", csv.get(a, "EnergyRating"));
        assertEquals("OFFICE", csv.get(a, "Asset type"));
        assertEquals("E07000110", csv.get(a, "Local authority"));
        assertEquals("Maidstone", csv.get(a, "Local authority name"));
        assertEquals("OPERATIONAL", csv.get(a, "Status"));
        assertEquals("100000.10", csv.get(a, "Annual running cost (GBP)"));
        assertEquals("75.00", csv.get(a, "Utilisation (%)"));
        assertEquals("0", csv.get(a, "Shared workspace desks"));
        assertEquals("PARTNERSHIP", csv.get(a, "Visibility"));
        assertEquals("EP-" + token.substring(2, 8), csv.get(a, "e-PIMS reference"));
        assertEquals("no", csv.get(a, "Land only"));
        assertEquals("", csv.get(a, "Ward " + token), "an asset without the source column has an empty cell");

        List<String> none = csv.row("PropertyName", "Unlocated " + token);
        assertEquals("", csv.get(none, "CoordinateReferenceSystem"));
        assertEquals("", csv.get(none, "GeoX"));
        assertEquals("", csv.get(none, "GeoY"));
        assertEquals("", csv.get(none, "TenureType"));
        assertEquals("", csv.get(none, "EffectiveDate"));

        List<String> g = csv.row("PropertyName", "Grid " + token);
        double[] en = new OsGrid().toEastingNorthing(51.274060, 0.525980);
        assertEquals("OSGB36", csv.get(g, "CoordinateReferenceSystem"));
        assertEquals(grid(en[0]), csv.get(g, "GeoX"));
        assertEquals(grid(en[1]), csv.get(g, "GeoY"));
        assertEquals("Freehold" + NBSP, csv.get(g, "TenureType"), "the register's own wording, verbatim");
        assertEquals("Occupied by local authority", csv.get(g, "TenureDetail"));
        assertEquals("Ground floor only", csv.get(g, "OtherDetail"));
        assertEquals("Building", csv.get(g, "HoldingType"));
        assertEquals("High Street", csv.get(g, "Ward " + token));
        assertEquals("Listed, grade II", csv.get(g, "Notes " + token));
        assertEquals("MBC", g.get(csv.header().lastIndexOf("Organisation")));
        assertEquals("Maidstone BC", g.get(csv.header().indexOf("Organisation")));

        // No layout is the LGA layout.
        assertEquals(csv.header(), csv("maidstone.editor", "?partner=maidstone&layout=lga").header());
        assertNotNull(wgs);
    }

    @Test
    void organisationUriIsThePartnersOrTheCouncilsStatisticalGeographyOrNone() throws Exception {
        String token = AssetFixtures.token();
        String uri = "http://opendatacommunities.org/id/district-council/sevenoaks";
        // Explicitly with and without, whatever the demo data gives them.
        String sevenoaksBefore = organisationUri("sevenoaks");
        String maidstoneBefore = organisationUri("maidstone");
        sql("update partner set organisation_uri = ? where id = 'sevenoaks'", uri);
        sql("update partner set organisation_uri = null where id = 'maidstone'");
        try {
            createId("sevenoaks.editor", with(asset("Sevenoaks office " + token, 51.27, 0.19), "localAuthority", "E07000111"));
            createId("police.editor", asset("Police office " + token, 51.27, 0.52));
            createId("maidstone.editor", asset("Council office " + token, 51.27, 0.52));
            Csv sevenoaks = csv("pmo.admin", "?partner=sevenoaks");
            assertEquals(uri, sevenoaks.get(sevenoaks.row("PropertyName", "Sevenoaks office " + token), "OrganisationURI"));
            Csv maidstone = csv("pmo.admin", "?partner=maidstone");
            assertEquals("http://statistics.data.gov.uk/id/statistical-geography/E07000110",
                    maidstone.get(maidstone.row("PropertyName", "Council office " + token), "OrganisationURI"));
            Csv csv = csv("pmo.admin", "?partner=kent-police");
            List<String> police = csv.row("PropertyName", "Police office " + token);
            assertEquals("", csv.get(police, "OrganisationURI"), "Kent Police is not a council and has no URI");
            assertEquals("Kent Police", csv.get(police, "OrganisationLabel"));
        } finally {
            sql("update partner set organisation_uri = ? where id = 'sevenoaks'", sevenoaksBefore);
            sql("update partner set organisation_uri = ? where id = 'maidstone'", maidstoneBefore);
        }
    }

    private String organisationUri(String partner) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select organisation_uri from partner where id = ?")) {
            s.setString(1, partner);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /**
     * The older layout is what 2.x exported, byte for byte, while no exported asset has a newer field: a
     * selection of its own (Gravesham's assets in Edinburgh) so that other tests' assets cannot add any.
     */
    @Test
    void transparency2014IsUnchangedForAssetsWithoutTheNewerFields() throws Exception {
        String token = AssetFixtures.token();
        var input = with(asset("Old layout " + token, 55.953, -3.188), "localAuthority", "S12000036",
                "ownerPartnerId", "gravesham", "epimsReference", "EP-9" + token.substring(2, 6));
        String id = createId("pmo.admin", input);
        Response r = export("pmo.admin", "?layout=transparency-2014&partner=gravesham&localAuthority=S12000036");
        r.then().statusCode(200).header("Content-Disposition", equalTo("attachment; filename=\"assets.csv\""));
        String text = r.asString();
        assertTrue(text.startsWith(TRANSPARENCY_2014_HEADER + "\r\n"), text.lines().findFirst().orElse(""));
        Response stored = Api.as("pmo.admin").get("/assets/" + id);
        double[] en = new OsGrid().toEastingNorthing(55.953, -3.188);
        String line = String.join(",", "Gravesham Borough Council", stored.path("uprn"), stored.path("ownReference"),
                "Old layout " + token, "", "1 Test Street", "Maidstone", "ME14 1XQ", grid(en[0]), grid(en[1]), "Freehold",
                "Occupied by the authority", "OFFICE", "S12000036", stored.path("localAuthorityName"), "no", "1200.50", "100000.10",
                "75.00", "OPERATIONAL", "0", "PARTNERSHIP", "EP-9" + token.substring(2, 6));
        assertTrue(text.contains("\r\n" + line + "\r\n"), text);
    }

    @Test
    void transparency2014AppendsTheNewerFieldsAndTheSourceColumnsOnlyWhenThereAreAny() throws Exception {
        String token = AssetFixtures.token();
        String id = createId("maidstone.editor", with(asset("Newer " + token, 51.27, 0.52), "occupancy", "SUB_LET",
                "holding", "LAND", "landAreaHectares", 1.5, "epcBand", "G", "effectiveDate", "2024-04-01"));
        imported(id, "EPSG:27700", """
                [{"name": "TenureType", "value": "Freehold\u00a0"}, {"name": "OtherDetail", "value": "Rear yard"},
                 {"name": "Ward %s", "value": "Bridge"}]""".formatted(token));
        Csv csv = csv("maidstone.editor", "?layout=transparency-2014&partner=maidstone");
        assertEquals(List.of(TRANSPARENCY_2014_HEADER.split(",")), csv.header().subList(0, 23));
        // In the LGA schema's order; OtherDetail only when an exported asset has one (another test's may).
        List<String> appended = csv.header().subList(23, csv.header().indexOf("EffectiveDate") + 1);
        assertEquals(appended.contains("OtherDetail")
                ? List.of("TenureDetail", "OtherDetail", "HoldingType", "LandArea", "EnergyRating", "EffectiveDate")
                : List.of("TenureDetail", "HoldingType", "LandArea", "EnergyRating", "EffectiveDate"), appended);
        List<String> row = csv.row("Name", "Newer " + token);
        assertEquals("Freehold" + NBSP, csv.get(row, "Tenure"));
        assertEquals("Sub-let", csv.get(row, "TenureDetail"));
        assertEquals("Land", csv.get(row, "HoldingType"));
        assertEquals("1.5000", csv.get(row, "LandArea"));
        assertEquals("G", csv.get(row, "EnergyRating"));
        assertEquals("2024-04-01", csv.get(row, "EffectiveDate"));
        assertEquals("Bridge", csv.get(row, "Ward " + token));
        assertEquals("Rear yard", csv.get(row, "OtherDetail"));
        assertEquals(1, csv.header().stream().filter("OtherDetail"::equals).count());
        assertFalse(csv.header().contains("TenureType"), "the wording is in Tenure, not a second tenure column");
    }

    @Test
    void epimsLayoutWritesTheExchangeColumns() throws Exception {
        String token = AssetFixtures.token();
        String id = createId("maidstone.editor", with(asset("Exchange " + token, 51.27, 0.52), "holding",
                "LAND_AND_BUILDING", "landAreaHectares", 0.125, "epimsReference", "EP-7" + token.substring(2, 6),
                "tenure", "LEASEHOLD"));
        imported(id, null, """
                [{"name": "Contact", "value": "estates@maidstone.gov.uk"}, {"name": "Ward %s", "value": "Bridge"}]"""
                .formatted(token));
        Response r = export("maidstone.editor", "?layout=epims&partner=maidstone");
        r.then().statusCode(200).header("Content-Disposition", equalTo("attachment; filename=\"assets-epims.csv\""));
        assertTrue(r.asString().startsWith(EPIMS_HEADER + "\r\n"), "only the e-PIMS columns");
        Csv csv = Csv.parse(r.asString());
        List<String> row = csv.row("Property Name", "Exchange " + token);
        Response stored = Api.as("maidstone.editor").get("/assets/" + id);
        assertEquals(List.of("EP-7" + token.substring(2, 6), "Exchange " + token, "1 Test Street", "Maidstone", "ME14 1XQ",
                stored.path("uprn"), "Maidstone Borough Council", "Leasehold", "Land and building", "1200.50", "0.1250",
                "estates@maidstone.gov.uk"), row);
    }

    /** Neither a row nor a source column's name of an asset the caller may not read, in any layout. */
    @Test
    void noLayoutHoldsAnotherPartnersOwnerOnlyAsset() throws Exception {
        String token = AssetFixtures.token();
        String id = createId("maidstone.editor", with(asset("Hidden " + token, 51.27, 0.52), "visibility", "OWNER_ONLY"));
        imported(id, null, """
                [{"name": "Secret %1$s", "value": "x"}, {"name": "Contact", "value": "secret-%1$s"}]""".formatted(token));
        for (String layout : List.of("lga", "transparency-2014", "epims")) {
            String forDover = export("dover.editor", "?partner=maidstone&includeDisposed=true&layout=" + layout).then()
                    .statusCode(200).extract().asString();
            String forMaidstone = export("maidstone.viewer", "?partner=maidstone&layout=" + layout).then().statusCode(200)
                    .extract().asString();
            assertFalse(forDover.contains(token), layout + ": Dover sees Maidstone's OWNER_ONLY asset or its columns");
            assertTrue(forMaidstone.contains("Hidden " + token), layout);
        }
    }

    @Test
    void anUnknownLayoutIsABadRequestNamingLayout() {
        for (String layout : List.of("LGA", "csv", "transparency", "")) {
            Api.badRequestAs("maidstone.editor").accept("text/csv").get("/assets/export?layout=" + layout).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("layout"));
        }
    }

    /**
     * An update that changes tenure, occupancy or holding drops that field's published wording (the export
     * would write the old word for the new value); other source columns and unchanged fields' wording stay.
     */
    @Test
    void anUpdateDropsTheWordingOfTheFieldsItChanges() throws Exception {
        String token = AssetFixtures.token();
        var input = with(asset("Reworded " + token, 51.27, 0.52), "occupancy", "OWNER_OCCUPIED", "holding", "BUILDING");
        String id = createId("maidstone.editor", input);
        imported(id, null, """
                [{"name": "Tenure Type", "value": "Freehold\u00a0"},
                 {"name": "Tenure Detail", "value": "Occupied by local authority"},
                 {"name": "HoldingType", "value": "Buildings"},
                 {"name": "Ward", "value": "Bridge"}]""");

        Response same = put(id, input);
        same.then().statusCode(200).body("sourceColumns.name", equalTo(List.of("Tenure Type", "Tenure Detail",
                "HoldingType", "Ward")));

        var leasehold = with(input, "tenure", "LEASEHOLD");
        put(id, leasehold).then().statusCode(200)
                .body("sourceColumns.name", equalTo(List.of("Tenure Detail", "HoldingType", "Ward")));
        List<String> row = csvRow(token);
        assertEquals("Leasehold", row.get(LGA.indexOf("TenureType")));
        assertEquals("Occupied by local authority", row.get(LGA.indexOf("TenureDetail")));
        assertEquals("Buildings", row.get(LGA.indexOf("HoldingType")));

        put(id, with(leasehold, "occupancy", "VACANT", "holding", null)).then().statusCode(200)
                .body("sourceColumns.name", equalTo(List.of("Ward")))
                .body("sourceColumns[0].value", equalTo("Bridge"));
        row = csvRow(token);
        assertEquals("Vacant", row.get(LGA.indexOf("TenureDetail")));
        assertEquals("", row.get(LGA.indexOf("HoldingType")));
    }

    private static Response put(String id, Map<String, Object> input) {
        String etag = Api.as("maidstone.editor").get("/assets/" + id).header("ETag");
        return Api.as("maidstone.editor").header("If-Match", etag).body(input).put("/assets/" + id);
    }

    private static List<String> csvRow(String token) throws IOException {
        return csv("maidstone.editor", "?partner=maidstone").row("PropertyName", "Reworded " + token);
    }
}
