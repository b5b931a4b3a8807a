package org.estatehub.brownfield;

import static org.estatehub.brownfield.BrownfieldFixtures.csv;
import static org.estatehub.brownfield.BrownfieldFixtures.file;
import static org.estatehub.brownfield.BrownfieldFixtures.importFor;
import static org.estatehub.brownfield.BrownfieldFixtures.partner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Importing brownfield land registers as councils publish them (the files of src/test/resources/brownfield,
 * README there), reading the sites back, the export's round trip, and every refusal saving nothing.
 * Every answer is validated against the contract (Api).
 */
@QuarkusTest
class BrownfieldImportTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the2017StandardInUtf8WithAByteOrderMark() {
        String owner = partner("E07000110");
        JsonPath report = importFor(owner, "maidstone-2017-utf8-bom.csv", false).jsonPath();
        assertEquals("BROWNFIELD_2017", report.getString("layout"));
        assertEquals("UTF-8", report.getString("encoding"));
        assertEquals("BYTE_ORDER_MARK", report.getString("encodingSource"));
        assertEquals(false, report.getBoolean("dryRun"));
        assertEquals(5, report.getInt("rows"));
        assertEquals(5, report.getInt("created"));
        assertEquals(1, report.getInt("rowsWithoutLocation"));
        assertEquals(0, report.getInt("errorCount"));
        List<Map<String, Object>> systems = report.getList("coordinateSystems");
        assertTrue(systems.contains(Map.of("system", "BRITISH_NATIONAL_GRID", "source", "STATED", "rows", 2)), systems.toString());
        assertTrue(systems.contains(Map.of("system", "BRITISH_NATIONAL_GRID", "source", "BY_RANGE", "rows", 1)), systems.toString());
        assertTrue(systems.contains(Map.of("system", "WGS84", "source", "STATED", "rows", 1)), systems.toString());
        String warnings = report.getList("warnings").toString();
        assertTrue(warnings.contains("row=4") && warnings.contains("extra quotes"), warnings);
        assertTrue(warnings.contains("row=5") && warnings.contains("no coordinates"), warnings);

        JsonPath page = Api.as("police.viewer").get("/brownfield-sites?partner=" + owner).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(5, page.getInt("total"));
        Map<String, Object> mill = site(page, "MBC-BLR-001");
        assertEquals("Former Springfield Mill, Sandling Road, Maidstone", mill.get("name"));
        assertEquals("2.15", mill.get("hectares"));
        assertEquals("NOT_OWNED_BY_PUBLIC_AUTHORITY", mill.get("ownershipStatus"));
        assertEquals("PENDING_DECISION", mill.get("planningStatus"));
        assertEquals(true, mill.get("deliverable"));
        assertEquals(120, mill.get("minNetDwellings"));
        assertEquals(160, mill.get("maxNetDwellings"));
        assertEquals("2018-12-14", mill.get("firstAddedDate"));
        assertEquals("2023-01-10", mill.get("lastUpdatedDate"));
        assertEquals("Notes with a non-breaking space", mill.get("notes"));
        assertEquals("E07000110", mill.get("localAuthority"));
        assertEquals("Maidstone", mill.get("localAuthorityName"));
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) mill.get("location");
        assertEquals(51.284, at.get("latitude").doubleValue(), 0.005);
        assertEquals(0.520, at.get("longitude").doubleValue(), 0.005);

        Map<String, Object> unionStreet = site(page, "MBC-BLR-002");
        assertEquals("MBC-BLR-001", unionStreet.get("previouslyPartOf"));
        assertEquals(List.of("https://pa.example.gov.uk/21/500123", "https://pa.example.gov.uk/19/500001"),
                unionStreet.get("planningHistory"));
        assertEquals("2021-06-14", unionStreet.get("permissionDate"));
        assertEquals(Map.of("latitude", 51.27615f, "longitude", 0.5265f), unionStreet.get("location"));
        assertEquals("Land at Tovil Green, Tovil, Maidstone", site(page, "MBC-BLR-003").get("name"));
        assertEquals("2024-03-31", site(page, "MBC-BLR-003").get("endDate"));
        Map<String, Object> library = site(page, "MBC-BLR-004");
        assertEquals("Car park behind the library,\nSt Faith's Street, Maidstone", library.get("name"));
        assertNull(library.get("location"));

        // Idempotent: the same file again changes nothing.
        JsonPath again = importFor(owner, "maidstone-2017-utf8-bom.csv", false).jsonPath();
        assertEquals(List.of(0, 0, 5), List.of(again.getInt("created"), again.getInt("updated"), again.getInt("unchanged")));
    }

    @Test
    void windows1252WhenTheBytesAreNotUtf8AndADeclaredCharsetIsHonoured() {
        String owner = partner("E07000110");
        JsonPath report = importFor(owner, "maidstone-2017-windows-1252.csv", false).jsonPath();
        assertEquals("windows-1252", report.getString("encoding"));
        assertEquals("NOT_UTF8", report.getString("encodingSource"));
        JsonPath page = Api.as("maidstone.viewer").get("/brownfield-sites?partner=" + owner).then().extract().jsonPath();
        assertEquals("Remediation estimated at £250,000", site(page, "MBC-W1252-001").get("siteInformation"));
        assertEquals("Sold for £1.2m (2022)", site(page, "MBC-W1252-002").get("notes"));

        JsonPath declared = csv(Api.as("pmo.admin"), "text/csv; charset=windows-1252", file("maidstone-2017-windows-1252.csv"))
                .post("/brownfield-sites/import?ownerPartnerId=" + owner).then().statusCode(200).extract().jsonPath();
        assertEquals("DECLARED", declared.getString("encodingSource"));
        assertEquals(2, declared.getInt("unchanged"));
    }

    @Test
    void thePlanningDataLayout() {
        String owner = partner("E07000108");
        JsonPath report = importFor(owner, "dover-planning-data.csv", false).jsonPath();
        assertEquals("PLANNING_DATA", report.getString("layout"));
        assertEquals("VALID_UTF8", report.getString("encodingSource"));
        assertEquals(3, report.getInt("created"));
        assertEquals(1, report.getInt("rowsWithoutLocation"));
        assertEquals(List.of(Map.of("system", "WGS84", "source", "WKT_POINT", "rows", 2)), report.getList("coordinateSystems"));
        assertTrue(report.getList("warnings").toString().contains("geometry"), "the unread geometry column is named");
        JsonPath page = Api.as("maidstone.editor").get("/brownfield-sites?partner=" + owner).then().extract().jsonPath();
        Map<String, Object> river = site(page, "DDC-PD-022");
        assertEquals("London Road, River, Dover CT16 2NB", river.get("name"), "no name: the address stands for it");
        assertEquals("2019-03-28", river.get("permissionDate"));
        assertEquals("MIXED_OWNERSHIP", river.get("ownershipStatus"));
        assertEquals(Map.of("latitude", 51.1406f, "longitude", 1.2883f), river.get("location"));
        assertEquals(false, site(page, "DDC-PD-031").get("deliverable"));
    }

    @Test
    void aDryRunAnswersTheReportAndSavesNothing() throws Exception {
        String owner = partner("E07000110");
        long before = count("brownfield_site");
        long events = count("audit_event");
        JsonPath dry = importFor(owner, "maidstone-2017-utf8-bom.csv", true).jsonPath();
        assertEquals(true, dry.getBoolean("dryRun"));
        assertEquals(5, dry.getInt("created"));
        assertEquals(before, count("brownfield_site"));
        assertEquals(events, count("audit_event"));

        // A dry run of a file with bad rows lists every error with its line and column, with 200.
        JsonPath bad = importFor(owner, "bad-rows.csv", true).jsonPath();
        assertEquals(4, bad.getInt("invalidRowCount"));
        List<String> found = bad.getList("errors", Map.class).stream()
                .map(e -> e.get("row") + " " + e.get("field")).toList();
        assertEquals(List.of("3 GeoX, GeoY", "4 GeoX, GeoY", "5 (row)", "6 OrganisationURI"), found);
        assertTrue(bad.getString("errors[0].message").contains("swapped"), bad.getString("errors[0].message"));
        assertEquals(before, count("brownfield_site"));

        // Then for real: the same changes, now saved.
        JsonPath real = importFor(owner, "maidstone-2017-utf8-bom.csv", false).jsonPath();
        assertEquals(5, real.getInt("created"));
        assertEquals(before + 5, count("brownfield_site"));
        JsonPath dryAgain = importFor(owner, "maidstone-2017-utf8-bom.csv", true).jsonPath();
        assertEquals(5, dryAgain.getInt("unchanged"));
    }

    @Test
    void badFilesAreRefusedWholeNamingLineAndColumn() throws Exception {
        String owner = partner("E07000110");
        long before = count("brownfield_site");
        Response rows = csv(Api.badRequestAs("pmo.admin"), "text/csv", file("bad-rows.csv"))
                .post("/brownfield-sites/import?ownerPartnerId=" + owner);
        assertEquals(422, rows.statusCode(), rows.asString());
        assertTrue(rows.contentType().startsWith("application/problem+json"));
        assertEquals(4, (int) rows.path("invalidRowCount"));
        assertEquals(3, (int) rows.path("errors[0].row"));
        assertEquals("GeoX, GeoY", rows.path("errors[0].field"));

        Response misspelt = csv(Api.badRequestAs("pmo.admin"), "text/csv", file("bad-misspelt-headers.csv"))
                .post("/brownfield-sites/import?ownerPartnerId=" + owner);
        assertEquals(400, misspelt.statusCode(), misspelt.asString());
        String body = misspelt.asString();
        assertTrue(body.contains("probably 'Hectares'") && body.contains("probably 'SiteReference'"), body);

        Response quote = csv(Api.badRequestAs("pmo.admin"), "text/csv", file("bad-unterminated-quote.csv"))
                .post("/brownfield-sites/import?ownerPartnerId=" + owner);
        assertEquals(400, quote.statusCode(), quote.asString());
        assertTrue(quote.asString().contains("line 2"), quote.asString());

        for (String text : List.of("", "reference,name\n", "UPRN,Name\n1,x\n", "reference,name\nR1,A\nR1,B\n",
                "reference,name,hectares\nR1,A,-1\n", "reference,name,minimum-net-dwellings,maximum-net-dwellings\nR1,A,9,3\n",
                "reference,name,start-date,end-date\nR1,A,2020-01-01,2019-01-01\n", "reference,name,point\nR1,A,POINT(51.3 0.5)\n",
                "reference,name,deliverable\nR1,A,perhaps\n", "reference,name,ownership-status\nR1,A,council\n")) {
            Response r = csv(Api.badRequestAs("pmo.admin"), "text/csv", text.getBytes(StandardCharsets.UTF_8))
                    .post("/brownfield-sites/import?ownerPartnerId=" + owner);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 422, text + ": " + r.statusCode() + " " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), text);
        }
        assertEquals(before, count("brownfield_site"));
    }

    @Test
    void importingTheExportChangesNothing() {
        String owner = partner("E07000110");
        importFor(owner, "maidstone-2017-utf8-bom.csv", false);
        String export = Api.as("police.viewer").accept("text/csv").get("/brownfield-sites/export?partner=" + owner)
                .then().statusCode(200).header("Content-Disposition", "attachment; filename=\"brownfield-sites.csv\"")
                .extract().asString();
        assertTrue(export.startsWith("reference,name,site-address,organisation,hectares,ownership-status,"), export);
        assertTrue(export.contains("POINT(0.526500 51.276150)"), export);
        JsonPath again = csv(Api.as("pmo.admin"), "text/csv", export.getBytes(StandardCharsets.UTF_8))
                .post("/brownfield-sites/import?ownerPartnerId=" + owner).then().statusCode(200).extract().jsonPath();
        assertEquals("PLANNING_DATA", again.getString("layout"));
        assertEquals(List.of(5, 0, 0, 5), List.of(again.getInt("rows"), again.getInt("created"), again.getInt("updated"),
                again.getInt("unchanged")), again.prettify());
        // The 2017 standard's own fields, which the planning-data layout lacks, are kept.
        JsonPath page = Api.as("pmo.admin").get("/brownfield-sites?partner=" + owner).then().extract().jsonPath();
        assertEquals("MBC-BLR-001", site(page, "MBC-BLR-002").get("previouslyPartOf"));
        assertEquals("Residential-led mixed use", site(page, "MBC-BLR-001").get("developmentDescription"));

        String dover = partner("E07000108");
        importFor(dover, "dover-planning-data.csv", false);
        String doverExport = Api.as("pmo.admin").accept("text/csv").get("/brownfield-sites/export?partner=" + dover)
                .then().statusCode(200).extract().asString();
        JsonPath doverAgain = csv(Api.as("pmo.admin"), "text/csv", doverExport.getBytes(StandardCharsets.UTF_8))
                .post("/brownfield-sites/import?ownerPartnerId=" + dover).then().statusCode(200).extract().jsonPath();
        assertEquals(3, doverAgain.getInt("unchanged"), doverAgain.prettify());
    }

    @Test
    void searchFiltersAndTheMap() {
        String owner = partner("E07000108");
        importFor(owner, "dover-planning-data.csv", false);
        String base = "/brownfield-sites?partner=" + owner;
        assertEquals(3, (int) Api.as("maidstone.viewer").get(base).path("total"));
        assertEquals(3, (int) Api.as("maidstone.viewer").get(base + "&localAuthority=E10000016").path("total"));
        assertEquals(0, (int) Api.as("maidstone.viewer").get(base + "&localAuthority=E07000110").path("total"));
        assertEquals(1, (int) Api.as("maidstone.viewer").get(base + "&planningStatus=PERMISSIONED").path("total"));
        assertEquals(1, (int) Api.as("maidstone.viewer").get(base + "&ownershipStatus=OWNED_BY_PUBLIC_AUTHORITY").path("total"));
        assertEquals(1, (int) Api.as("maidstone.viewer").get(base + "&deliverable=true").path("total"));
        assertEquals(2, (int) Api.as("maidstone.viewer").get(base + "&deliverable=false").path("total"));
        assertEquals(1, (int) Api.as("maidstone.viewer").get(base + "&q=barracks").path("total"));
        assertEquals(1, (int) Api.as("maidstone.viewer").get(base + "&bbox=1.30,51.12,1.31,51.13").path("total"));
        Response page = Api.as("maidstone.viewer").get(base + "&limit=2&offset=2");
        assertEquals(1, page.jsonPath().getList("items").size());
        Response map = Api.as("maidstone.viewer").accept("application/geo+json").get(base);
        assertEquals(200, map.statusCode());
        assertTrue(map.contentType().startsWith("application/geo+json"));
        assertEquals("FeatureCollection", map.path("type"));
        assertEquals(2, (int) map.path("total"), "the site without a location is not on the map");
        assertEquals(List.of(1.3069f, 51.1213f), map.jsonPath().getList("features.find { it.properties.siteReference == 'DDC-PD-014' }.geometry.coordinates"));
        String id = Api.as("maidstone.viewer").get(base + "&q=DDC-PD-014").path("items[0].id");
        Response one = Api.as("dover.editor").get("/brownfield-sites/" + id);
        assertEquals(200, one.statusCode());
        assertEquals("\"0\"", one.header("ETag"));
        Response missing = Api.badRequestAs("maidstone.viewer").get("/brownfield-sites/00000000-0000-0000-0000-000000000000");
        assertEquals(404, missing.statusCode());
    }

    @Test
    void linksToAnAssetAndAProject() throws Exception {
        String token = AssetFixtures.token();
        String siteId = BrownfieldFixtures.site("maidstone", token);
        String asset = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Linked " + token, 51.27, 0.52));
        String hidden = AssetFixtures.createId("pmo.admin", AssetFixtures.with(AssetFixtures.asset("Hidden " + token, 51.27, 0.52),
                "ownerPartnerId", "dover", "visibility", "OWNER_ONLY"));
        String project = Api.as("pmo.admin").get("/projects?q=Tonbridge Road Car Park").path("items[0].id");
        String path = "/brownfield-sites/" + siteId + "/links";

        Response linked = Api.as("maidstone.editor").header("If-Match", "\"0\"")
                .body(Map.of("assetId", asset, "projectId", project)).put(path);
        assertEquals(200, linked.statusCode(), linked.asString());
        assertEquals(asset, linked.path("assetId"));
        assertEquals(project, linked.path("projectId"));
        assertEquals("\"1\"", linked.header("ETag"));

        Response stale = Api.badRequestAs("maidstone.editor").contentType("application/json").header("If-Match", "\"0\"")
                .body("{}").put(path);
        assertEquals(412, stale.statusCode());
        Response noMatch = Api.badRequestAs("maidstone.editor").contentType("application/json").body("{}").put(path);
        assertEquals(428, noMatch.statusCode());
        Response invisible = Api.badRequestAs("pmo.admin").contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("assetId", hidden)).put(path);
        assertEquals(400, invisible.statusCode(), invisible.asString());
        assertEquals("assetId", invisible.path("errors[0].field"));
        Response noProject = Api.badRequestAs("maidstone.editor").contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("projectId", "00000000-0000-0000-0000-000000000000")).put(path);
        assertEquals(400, noProject.statusCode());
        assertEquals("projectId", noProject.path("errors[0].field"));
        Response otherPartner = Api.badRequestAs("dover.editor").contentType("application/json").header("If-Match", "\"1\"")
                .body("{}").put(path);
        assertEquals(403, otherPartner.statusCode());
        assertEquals(asset, Api.as("pmo.admin").get("/brownfield-sites/" + siteId).path("assetId"), "the refusals changed nothing");

        Response unlinked = Api.as("maidstone.editor").header("If-Match", "\"1\"").body(Map.of()).put(path);
        assertEquals(200, unlinked.statusCode());
        assertNull(unlinked.path("assetId"));
        assertNull(unlinked.path("projectId"));
        assertEquals(3, count("audit_event where entity_type = 'BROWNFIELD_SITE' and entity_id = '" + siteId + "'"),
                "the site's creation and its two link changes are recorded");
    }

    /**
     * A register larger than the 1 MiB JSON body limit (PayloadLimits gives this import the 64 MiB of the
     * asset import): 2,000 sites, about 1.2 MB, imported, re-imported unchanged, then dry-run; the times are
     * logged (README "Brownfield land registers"), not asserted, on this shared machine.
     */
    @Test
    void aLargeRegister() throws Exception {
        String owner = partner("E07000110");
        StringBuilder file = new StringBuilder("reference,name,site-address,organisation,hectares,ownership-status,"
                + "planning-permission-status,minimum-net-dwellings,maximum-net-dwellings,point,notes,start-date\n");
        for (int i = 0; i < 2_000; i++) {
            file.append("BIG-").append(i).append(",Site ").append(i).append(",\"").append(i).append(" High Street, Maidstone\",")
                    .append("Maidstone Borough Council,").append(i % 100).append('.').append(i % 7).append(",owned by a public authority,")
                    .append("permissioned,").append(i % 50).append(',').append(i % 50 + 10).append(",POINT(0.5")
                    .append(i % 1000).append(" 51.2").append(i % 1000).append("),Notes for a site on the register ")
                    .append("x".repeat(450)).append(",2017-12-20\n");
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 1024 * 1024, "larger than a JSON body may be: " + bytes.length);
        long before = count("brownfield_site");
        long[] millis = new long[3];
        int[] counts = new int[3];
        String[] fields = {"created", "unchanged", "unchanged"};
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            Response r = csv(Api.bulkAs("pmo.admin"), "text/csv", bytes)
                    .post("/brownfield-sites/import?ownerPartnerId=" + owner + (run == 2 ? "&dryRun=true" : ""));
            millis[run] = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, r.statusCode(), r.asString().substring(0, Math.min(500, r.asString().length())));
            counts[run] = r.path(fields[run]);
        }
        assertEquals(List.of(2_000, 2_000, 2_000), List.of(counts[0], counts[1], counts[2]));
        assertEquals(before + 2_000, count("brownfield_site"));
        org.jboss.logging.Logger.getLogger(BrownfieldImportTest.class).infof(
                "Brownfield register of 2,000 sites (%d bytes): import %d ms, re-import (unchanged) %d ms, dry run %d ms",
                bytes.length, millis[0], millis[1], millis[2]);
    }

    @Test
    void aPartnerNeverImportsForAnother() throws Exception {
        long before = count("brownfield_site");
        Response editor = csv(Api.badRequestAs("maidstone.editor"), "text/csv", file("dover-planning-data.csv"))
                .post("/brownfield-sites/import?ownerPartnerId=dover");
        assertEquals(403, editor.statusCode());
        Response viewer = csv(Api.badRequestAs("maidstone.viewer"), "text/csv", file("maidstone-2017-utf8-bom.csv"))
                .post("/brownfield-sites/import");
        assertEquals(403, viewer.statusCode());
        // Maidstone's own editor importing Dover's register: every row names another council.
        Response wrongFile = csv(Api.badRequestAs("maidstone.editor"), "text/csv", file("dover-planning-data.csv"))
                .post("/brownfield-sites/import");
        assertEquals(422, wrongFile.statusCode(), wrongFile.asString());
        assertEquals("organisation", wrongFile.path("errors[0].field"));
        Response unknown = csv(Api.badRequestAs("pmo.admin"), "text/csv", file("dover-planning-data.csv"))
                .post("/brownfield-sites/import?ownerPartnerId=nowhere");
        assertEquals(404, unknown.statusCode());
        assertEquals(before, count("brownfield_site"));
    }

    @Test
    void demoSitesAreLinkedToTheBlrfBidsProjects() {
        JsonPath maidstone = Api.as("maidstone.viewer").get("/brownfield-sites?partner=maidstone&q=MBC-BLR-0001")
                .then().statusCode(200).extract().jsonPath();
        String project = maidstone.getString("items[0].projectId");
        assertEquals("Tonbridge Road Car Park", Api.as("pmo.admin").get("/projects/" + project).path("name"));
        assertTrue((int) Api.as("police.viewer").get("/brownfield-sites?partner=dover").path("total") >= 2);
        assertNotNull(Api.as("police.viewer").get("/brownfield-sites?partner=maidstone&q=Union Street")
                .path("items[0].assetId"), "the Union Street site is linked to its asset");
    }

    private static Map<String, Object> site(JsonPath page, String reference) {
        return page.getMap("items.find { it.siteReference == '" + reference + "' }");
    }

    private long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
