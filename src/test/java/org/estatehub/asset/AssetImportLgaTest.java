package org.estatehub.asset;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Registers as councils publish them (src/test/resources/assets/lga/, README there): the LGA schema and its
 * variants, encodings, coordinate systems, the mapping of every typed column, source columns, the dry run.
 * Files are sent as the bytes on disk (a Windows-1252 file is never a Java String on the way), with the
 * ASCII placeholders {T} (a token), {U1}... (12-digit UPRNs), {V1}... (11-digit UPRNs) and {N} (digits)
 * replaced so that each test's assets are its own.
 */
@QuarkusTest
class AssetImportLgaTest {

    @Inject
    AgroalDataSource dataSource;

    /** A test file with its placeholders filled in, byte for byte otherwise. */
    static byte[] file(String name, String token) {
        byte[] bytes;
        try (InputStream in = AssetImportLgaTest.class.getResourceAsStream("/assets/lga/" + name)) {
            bytes = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("test file " + name, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{T}", token);
        values.put("{N}", String.valueOf(100_000 + (long) (Math.random() * 899_999)));
        for (int i = 1; i <= 9; i++) {
            String uprn = AssetFixtures.uprn();
            values.put("{U" + i + "}", uprn);
            values.put("{V" + i + "}", uprn.substring(1));
        }
        for (var e : values.entrySet()) {
            bytes = replace(bytes, e.getKey().getBytes(StandardCharsets.US_ASCII),
                    e.getValue().getBytes(StandardCharsets.US_ASCII));
        }
        return bytes;
    }

    private static byte[] replace(byte[] in, byte[] from, byte[] to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
        int i = 0;
        while (i < in.length) {
            if (i <= in.length - from.length && java.util.Arrays.equals(in, i, i + from.length, from, 0, from.length)) {
                out.write(to, 0, to.length);
                i += from.length;
            } else {
                out.write(in[i++]);
            }
        }
        return out.toByteArray();
    }

    /** Sends the bytes with the given Content-Type (no charset: the service detects it). */
    /** RestAssured would add "; charset=ISO-8859-1" to a Content-Type without one; a real client does not. */
    static final RestAssuredConfig AS_SENT = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    static ValidatableResponse post(String user, byte[] body, String contentType, String query) {
        return Api.as(user).config(AS_SENT).contentType(contentType).body(body).post("/assets/import" + query).then();
    }

    static ValidatableResponse bad(String user, byte[] body, String query) {
        return Api.badRequestAs(user).config(AS_SENT).contentType("text/csv").body(body).post("/assets/import" + query)
                .then();
    }

    private static List<Map<String, Object>> assets(String token) {
        return Api.as("maidstone.editor").get("/assets?sort=name&limit=100&q=" + token).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static Map<String, Object> asset(String token, String namePrefix) {
        return assets(token).stream().filter(a -> ((String) a.get("name")).startsWith(namePrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no asset " + namePrefix + " " + token));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> sources(Map<String, Object> asset) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) asset.get("sourceColumns")) {
            found.put((String) c.get("name"), (String) c.get("value"));
        }
        return found;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("asset", "asset_status_change", "audit_event")) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            fail(e.getMessage());
        }
        return counts;
    }

    @Test
    void theFullLgaSchemaInUtf8WithBomAndCrlfMapsEveryColumn() {
        String token = AssetFixtures.token();
        byte[] body = file("lga-full-utf8-bom-crlf.csv", token);
        JsonPath result = post("maidstone.editor", body, "text/csv", "").statusCode(200)
                .body("dryRun", equalTo(false)).body("valid", equalTo(true))
                .body("rows", equalTo(7)).body("created", equalTo(7))
                .body("encoding", equalTo("UTF-8")).body("encodingDeclared", equalTo(false))
                .extract().jsonPath();
        // Row 5 has no coordinates and no tenure; row 4 a partial postcode; row 8 mis-decoded text; row 7 an
        // unknown holding type.
        List<Map<String, Object>> warnings = result.getList("warnings");
        assertTrue(warnings.stream().anyMatch(w -> w.get("row").equals(5) && w.get("field").equals("GeoX")
                && w.get("message").toString().contains("no coordinates")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.get("row").equals(5) && w.get("field").equals("TenureType")
                && w.get("message").toString().contains("no tenure")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.get("row").equals(4) && w.get("field").equals("PostCode")
                && w.get("message").toString().contains("partial postcode")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.get("row").equals(8) && w.get("field").equals("OtherDetail")
                && w.get("message").toString().contains("mis-decoded")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.get("row").equals(7) && w.get("field").equals("HoldingType")),
                warnings.toString());
        assertEquals(5, result.getLong("warningCount"));
        // Rows 2, 3 state British National Grid, 8 is decided by range; 4, 6 state WGS84/ETRS89, 7 by range.
        assertEquals(List.of(Map.of("system", "EPSG:27700", "stated", true, "rows", 2),
                Map.of("system", "EPSG:4326", "stated", true, "rows", 2),
                Map.of("system", "EPSG:4326", "stated", false, "rows", 1),
                Map.of("system", "EPSG:27700", "stated", false, "rows", 1)), result.getList("coordinateSystems"));

        Map<String, Object> house = asset(token, "Maidstone House");
        assertEquals("FREEHOLD", house.get("tenure"));
        assertEquals("OWNER_OCCUPIED", house.get("occupancy"));
        assertEquals("LAND_AND_BUILDING", house.get("holding"));
        assertEquals(1234.0, ((Number) house.get("grossInternalAreaM2")).doubleValue(), 1e-6);
        assertEquals(0.25, ((Number) house.get("landAreaHectares")).doubleValue(), 1e-6);
        assertEquals("C", house.get("epcBand"));
        assertEquals("2024-03-31", house.get("effectiveDate"));
        assertEquals("1 King Street", ((Map<?, ?>) house.get("address")).get("street"));
        assertEquals(51.2735, ((Number) ((Map<?, ?>) house.get("location")).get("latitude")).doubleValue(), 0.002);
        // OtherDetail, the unknown Ward column and wordings other than the canonical labels, verbatim.
        assertEquals(List.of("TenureDetail", "OtherDetail", "HoldingType", "Ward"), List.copyOf(sources(house).keySet()),
                "in file order");
        assertEquals(Map.of("TenureDetail", "Owner Occupied", "OtherDetail", "Grade II listed",
                "HoldingType", "Land and Building", "Ward", "High Street"), sources(house));

        Map<String, Object> lockmeadow = asset(token, "Lockmeadow land");
        assertEquals("LEASEHOLD", lockmeadow.get("tenure"));
        assertEquals("LET", lockmeadow.get("occupancy"));
        assertEquals("LAND", lockmeadow.get("holding"));
        assertEquals(true, lockmeadow.get("landOnly"));
        assertEquals(2.5, ((Number) lockmeadow.get("landAreaHectares")).doubleValue(), 1e-6);
        assertEquals(null, lockmeadow.get("epcBand"));
        assertEquals("Barker Road", ((Map<?, ?>) lockmeadow.get("address")).get("street"), "trailing space trimmed");
        // "000" + a 12-digit UPRN: leading zeros are not part of the number.
        assertEquals(12, ((String) lockmeadow.get("uprn")).length());

        Map<String, Object> kiosk = asset(token, "Riverside kiosk");
        assertEquals("Riverside kiosk " + token + "\r\nby the bridge", kiosk.get("name"), "newline inside quotes");
        assertEquals(11, ((String) kiosk.get("uprn")).length());
        assertEquals("OTHER", kiosk.get("tenure"));
        assertEquals("LICENCE", kiosk.get("occupancy"));
        assertEquals("BUILDING", kiosk.get("holding"));
        assertEquals("2024-04-01", kiosk.get("effectiveDate"));
        assertEquals(51.2764, ((Number) ((Map<?, ?>) kiosk.get("location")).get("latitude")).doubleValue(), 1e-6);
        assertEquals(0.5221, ((Number) ((Map<?, ?>) kiosk.get("location")).get("longitude")).doubleValue(), 1e-6);
        assertEquals(null, ((Map<?, ?>) kiosk.get("address")).get("postcode"));
        assertEquals(Map.of("PostCode", "ME14", "TenureType", "Chattel", "HoldingType", "Buildings"), sources(kiosk));

        Map<String, Object> park = asset(token, "Mote Park");
        assertEquals(null, park.get("location"));
        assertEquals(null, park.get("tenure"));
        assertEquals("VACANT", park.get("occupancy"));
        assertEquals("LAND", park.get("holding"));
        assertEquals(45.1234, ((Number) park.get("landAreaHectares")).doubleValue(), 1e-6);
        assertEquals("C", park.get("epcBand"));
        assertEquals(Map.of("HoldingType", "Parks, Gardens and open space"), sources(park));

        Map<String, Object> hall = asset(token, "Town Hall");
        assertEquals("FREEHOLD", hall.get("tenure"), "Freehold followed by a non-breaking space");
        assertEquals("OWNER_OCCUPIED", hall.get("occupancy"));
        assertEquals(Map.of("TenureDetail", "Occupied by local authority"), sources(hall));

        Map<String, Object> depot = asset(token, "Depot");
        assertEquals("SUB_LET", depot.get("occupancy"));
        assertEquals(null, depot.get("holding"));
        assertEquals(Map.of("HoldingType", "Structure"), sources(depot));

        Map<String, Object> palace = asset(token, "Archbishops Palace");
        assertEquals("OTHER", palace.get("occupancy"));
        assertEquals("D", palace.get("epcBand"));
        assertEquals(Map.of("TenureDetail", "Held for a charity", "OtherDetail", "Rent £5000 a year"),
                sources(palace), "the mis-decoded pound sign is repaired");

        // Idempotent: the same file again changes nothing, source columns and new fields included.
        Map<String, Long> before = counts();
        post("maidstone.editor", body, "text/csv", "").statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(7));
        assertEquals(before, counts());
        // A changed OtherDetail is a change.
        byte[] changed = replace(body, "Grade II listed".getBytes(StandardCharsets.UTF_8),
                "Grade I listed".getBytes(StandardCharsets.UTF_8));
        post("maidstone.editor", changed, "text/csv", "").statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(6));
        assertEquals("Grade I listed", sources(asset(token, "Maidstone House")).get("OtherDetail"));
    }

    @Test
    void windows1252IsDetectedAndADeclaredCharsetHonoured() {
        String token = AssetFixtures.token();
        byte[] body = file("lga-windows-1252-lf.csv", token);
        post("maidstone.editor", body, "text/csv", "?dryRun=true").statusCode(200)
                .body("valid", equalTo(true)).body("encoding", equalTo("windows-1252"))
                .body("encodingDeclared", equalTo(false)).body("created", equalTo(2));
        post("maidstone.editor", body, "text/csv", "").statusCode(200)
                .body("encoding", equalTo("windows-1252")).body("created", equalTo(2))
                .body("coordinateSystems[0].system", equalTo("EPSG:27700"))
                .body("coordinateSystems[0].stated", equalTo(false));
        Map<String, Object> cafe = asset(token, "Caf");
        assertEquals("Café " + token, cafe.get("name"));
        assertEquals("FREEHOLD", cafe.get("tenure"));
        assertEquals("LET", cafe.get("occupancy"));
        assertEquals("BUILDING", cafe.get("holding"));
        assertEquals("B", cafe.get("epcBand"));
        assertEquals(Map.of("Other Detail", "Rent £12\u00A0500"), sources(cafe));
        Map<String, Object> creche = asset(token, "Cr");
        assertEquals("Crèche " + token, creche.get("name"));
        assertEquals("OWNER_OCCUPIED", creche.get("occupancy"));
        assertEquals(Map.of(), sources(creche), "canonical wordings are not kept");

        // The same bytes declared as UTF-8 are read as UTF-8: the invalid bytes become U+FFFD, as a declared
        // charset is the client's word.
        post("maidstone.editor", body, "text/csv; charset=UTF-8", "?dryRun=true").statusCode(200)
                .body("encoding", equalTo("UTF-8")).body("encodingDeclared", equalTo(true))
                .body("updated", equalTo(2));
        // Declared correctly, nothing changes.
        post("maidstone.editor", body, "text/csv; charset=windows-1252", "").statusCode(200)
                .body("encoding", equalTo("windows-1252")).body("encodingDeclared", equalTo(true))
                .body("unchanged", equalTo(2));
    }

    @Test
    void aSiteAddressColumnRepeatedOrganisationColumnsAndUnknownRepeatedHeaders() {
        String token = AssetFixtures.token();
        post("maidstone.editor", file("site-address.csv", token), "text/csv", "").statusCode(200)
                .body("created", equalTo(2));
        Map<String, Object> shop = asset(token, "Gabriels Hill shop");
        assertEquals("12 Gabriels Hill, Maidstone, Kent ME15 6JG", ((Map<?, ?>) shop.get("address")).get("street"));
        assertEquals("ME15 6JG", ((Map<?, ?>) shop.get("address")).get("postcode"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns = (List<Map<String, Object>>) shop.get("sourceColumns");
        assertEquals(List.of(Map.of("name", "Organisation", "value", "Maidstone BC"),
                Map.of("name", "Notes", "value", "first note"), Map.of("name", "Notes", "value", "second note")),
                columns);
        Map<String, Object> allotments = asset(token, "Allotments");
        assertEquals(null, ((Map<?, ?>) allotments.get("address")).get("postcode"));
        assertEquals(null, allotments.get("location"));
    }

    @Test
    void anEpimsFileWithoutUprnsReimportsByItsReference() {
        String token = AssetFixtures.token();
        byte[] body = file("epims.csv", token);
        post("maidstone.editor", body, "text/csv", "").statusCode(200).body("created", equalTo(2));
        Map<String, Object> office = asset(token, "Probation office");
        assertEquals("LEASEHOLD", office.get("tenure"));
        assertEquals("BUILDING", office.get("holding"));
        assertEquals(450.0, ((Number) office.get("grossInternalAreaM2")).doubleValue(), 1e-6);
        assertEquals("Maidstone", ((Map<?, ?>) office.get("address")).get("town"));
        assertEquals(Map.of("Contact", "estates@example.gov.uk"), sources(office));
        assertEquals(1.2, ((Number) asset(token, "Former depot").get("landAreaHectares")).doubleValue(), 1e-6);
        post("maidstone.editor", body, "text/csv", "").statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(2));
    }

    @Test
    void aDryRunReportsEveryErrorAndSavesNothing() {
        String token = AssetFixtures.token();
        byte[] body = file("bad-rows.csv", token);
        Map<String, Long> before = counts();
        JsonPath report = post("maidstone.editor", body, "text/csv", "?dryRun=true").statusCode(200)
                .body("dryRun", equalTo(true)).body("valid", equalTo(false))
                .body("rows", equalTo(14)).body("invalidRowCount", equalTo(13))
                .body("created", equalTo(1)).body("updated", equalTo(0))
                .extract().jsonPath();
        assertEquals(before, counts(), "a dry run saves nothing: no asset, no status history, no audit event");
        Map<Integer, String> byLine = new LinkedHashMap<>();
        for (Map<String, Object> e : report.<Map<String, Object>>getList("errors")) {
            byLine.merge((Integer) e.get("row"), e.get("field") + ": " + e.get("message"), (a, b) -> a + " | " + b);
        }
        assertTrue(byLine.get(2).startsWith("UPRN: ") && byLine.get(2).contains("scientific notation"), byLine.get(2));
        assertTrue(byLine.get(3).contains("13 digits"), byLine.get(3));
        assertTrue(byLine.get(4).contains("'12AB' must be 1 to 12 digits"), byLine.get(4));
        assertTrue(byLine.get(5).startsWith("GeoY: ") && byLine.get(5).contains("give both coordinates or neither"),
                byLine.get(5));
        assertTrue(byLine.get(6).startsWith("GeoX: ") && byLine.get(6).contains("swapped"), byLine.get(6));
        assertTrue(byLine.get(7).contains("outside the United Kingdom"), byLine.get(7));
        assertTrue(byLine.get(8).contains("GeoX and GeoY") && byLine.get(8).contains("neither"), byLine.get(8));
        assertTrue(byLine.get(9).startsWith("CoordinateReferenceSystem: ") && byLine.get(9).contains("EPSG:3857"),
                byLine.get(9));
        assertTrue(byLine.get(10).startsWith("EnergyRating: ") && byLine.get(10).contains("'H'"), byLine.get(10));
        assertTrue(byLine.get(11).startsWith("EffectiveDate: ") && byLine.get(11).contains("31/02/2024"),
                byLine.get(11));
        assertTrue(byLine.get(12).startsWith("OrganisationURI: ") && byLine.get(12).contains("dover")
                && byLine.get(12).contains("Maidstone Borough Council"), byLine.get(12));
        assertTrue(byLine.get(13).startsWith("Organisation: ") && byLine.get(13).contains("'Dover District Council'"),
                byLine.get(13));
        assertTrue(byLine.get(14).startsWith("AssetCode: ") && byLine.get(14).contains("differs"), byLine.get(14));
        assertEquals(null, byLine.get(15));
        assertEquals(13, report.getLong("errorCount"));

        // Without dryRun the same file is refused whole, as before.
        bad("maidstone.editor", body, "").statusCode(422).contentType("application/problem+json")
                .body("errorCount", equalTo(13));
        assertEquals(before, counts());
        assertEquals(0, assets(token).size());
    }

    @Test
    void aDryRunOfAGoodFileCountsWhatWouldChangeAndWritesNoHistory() {
        String token = AssetFixtures.token();
        byte[] body = file("lga-full-utf8-bom-crlf.csv", token);
        Map<String, Long> before = counts();
        post("maidstone.editor", body, "text/csv", "?dryRun=true").statusCode(200)
                .body("dryRun", equalTo(true)).body("valid", equalTo(true)).body("created", equalTo(7))
                .body("errors", nullValue()).body("warningCount", equalTo(5));
        assertEquals(before, counts());
        post("maidstone.editor", body, "text/csv", "").statusCode(200).body("created", equalTo(7));
        Map<String, Long> saved = counts();
        byte[] changed = replace(body, "Grade II listed".getBytes(StandardCharsets.UTF_8),
                "Grade I listed".getBytes(StandardCharsets.UTF_8));
        post("maidstone.editor", changed, "text/csv", "?dryRun=true").statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(6));
        assertEquals(saved, counts());
        assertEquals("Grade II listed", sources(asset(token, "Maidstone House")).get("OtherDetail"));
    }

    @Test
    void theOrganisationMayBeNamedByItsUriOrGssCode() {
        String token = AssetFixtures.token();
        String csv = "OrganisationURI,OrganisationLabel,UPRN,PropertyName\n"
                + "http://opendatacommunities.org/id/district-council/maidstone,E07000110," + AssetFixtures.uprn()
                + ",By URI " + token + "\n"
                + "https://opendatacommunities.org/id/district-council/maidstone/,Maidstone," + AssetFixtures.uprn()
                + ",By URI with a slash " + token + "\n"
                + "http://statistics.data.gov.uk/id/statistical-geography/E07000110,maidstone," + AssetFixtures.uprn()
                + ",By GSS URI " + token + "\n";
        post("maidstone.editor", csv.getBytes(StandardCharsets.UTF_8), "text/csv", "").statusCode(200)
                .body("created", equalTo(3)).body("warningCount", equalTo(6));
        var errors = bad("dover.editor", csv.getBytes(StandardCharsets.UTF_8), "").statusCode(422)
                .extract().jsonPath().getList("errors", Map.class);
        assertEquals(6, errors.size(), errors.toString());
        assertTrue(errors.get(0).get("message").toString().contains("is not Dover District Council"), errors.toString());
    }

    @Test
    void aRealPublishedRegisterImports() {
        // Cheltenham Borough Council's 2021 register (README in the test files): the organisation columns
        // twice, postcodes with newlines inside quotes, UPRNs with a leading zero. It names the council by
        // its pre-2009 ONS code 23UB, which is no GSS code: a partner whose short name is not that code is
        // refused row by row.
        String id = "chelt-" + AssetFixtures.token().substring(2, 8);
        Api.as("pmo.admin").body(Map.of("id", id, "name", "Cheltenham Borough Council", "shortName", "23UB",
                "type", "DISTRICT_COUNCIL", "localAuthority", "E07000078")).post("/partners").then().statusCode(201);
        byte[] excerpt = file("cheltenham-2021-excerpt.csv", "");
        Api.as("pmo.admin").config(AS_SENT).contentType("text/csv").body(excerpt).post("/assets/import?ownerPartnerId=" + id).then()
                .statusCode(200).body("created", equalTo(23)).body("valid", equalTo(true));
        Api.as("pmo.admin").config(AS_SENT).contentType("text/csv").body(excerpt).post("/assets/import?ownerPartnerId=" + id).then()
                .statusCode(200).body("unchanged", equalTo(23));

        // The whole file: Windows-1252 ("Freehold" + a non-breaking space), CRLF, and UPRNs shared by several
        // rows, which EstateHub keeps one asset per UPRN for: the dry run lists them with their lines.
        JsonPath whole = Api.as("pmo.admin").config(AS_SENT).contentType("text/csv").body(file("cheltenham-2021.csv", ""))
                .post("/assets/import?dryRun=true&ownerPartnerId=" + id).then().statusCode(200)
                .body("encoding", equalTo("windows-1252")).body("valid", equalTo(false))
                .body("coordinateSystems[0].system", equalTo("EPSG:27700")).extract().jsonPath();
        assertTrue(whole.<Map<String, Object>>getList("errors").stream().anyMatch(e ->
                e.get("message").toString().contains("also appears on line")), whole.getList("errors").toString());

        // Its 2023 register has no PropertyName column: the Site Address names each asset.
        JsonPath y2023 = Api.as("pmo.admin").config(AS_SENT).contentType("text/csv").body(file("cheltenham-2023.csv", ""))
                .post("/assets/import?dryRun=true&ownerPartnerId=" + id).then().statusCode(200)
                .body("encoding", equalTo("UTF-8")).extract().jsonPath();
        assertTrue(y2023.getInt("rows") > 400);
        assertTrue(y2023.<Map<String, Object>>getList("warnings").stream().anyMatch(w ->
                w.get("field").equals("Holding Type")), "Miscellaneous Operational is no holding type");
    }

    @Test
    void aFileWithoutANameOrKeyColumnIsRefusedWhole() {
        bad("maidstone.editor", "UPRN,GeoX,GeoY\n1,576086,155747\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(400).body("detail", containsString("PropertyName"));
        bad("maidstone.editor", "PropertyName,GeoX\nA,576086\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(400).body("detail", containsString("UPRN, AssetCode"))
                .body("detail", containsString("GeoY"));
        bad("maidstone.editor", "PropertyName,UPRN\nA,1\n".getBytes(StandardCharsets.UTF_8), "?dryRun=true")
                .statusCode(200);
    }

    @Test
    void aDryRunIsAsPrivateAsAnImportAndItsFlagIsStrict() {
        String token = AssetFixtures.token();
        byte[] body = file("lga-full-utf8-bom-crlf.csv", token);
        Map<String, Long> before = counts();
        // Another partner's register may not be checked (nor its counts learnt) by a partner editor.
        bad("dover.editor", body, "?dryRun=true&ownerPartnerId=maidstone").statusCode(403);
        // A dry run for Dover of Maidstone's file: every organisation cell is a row error.
        post("dover.editor", body, "text/csv", "?dryRun=true").statusCode(200).body("valid", equalTo(false))
                .body("ownerPartnerId", equalTo("dover")).body("invalidRowCount", equalTo(7));
        // "yes" is not true: a typo must not turn a check into an import.
        bad("maidstone.editor", body, "?dryRun=yes").statusCode(400).body("errors[0].field", equalTo("dryRun"));
        assertEquals(before, counts());
        assertEquals(0, assets(token).size());
    }
}
