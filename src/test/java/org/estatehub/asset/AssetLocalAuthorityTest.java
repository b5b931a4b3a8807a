package org.estatehub.asset;

import static org.estatehub.testing.AssetFixtures.asset;
import static org.estatehub.testing.AssetFixtures.createId;
import static org.estatehub.testing.AssetFixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Assets name their local authority by GSS code, anywhere in the UK: filters by authority and by county,
 * the register's checks on create, update and import, the export's round trip and the dashboard's groups.
 */
@QuarkusTest
class AssetLocalAuthorityTest {

    /** Columns of an import file naming the authority; the header `District` is read as the same column. */
    private static final String HEADER = "UPRN,Unique Asset ID,Name,Street,Post town,Postcode,%s,X co-ordinate,"
            + "Y co-ordinate,Tenure,Asset type\n";

    @Inject
    AgroalDataSource dataSource;

    private static List<String> ids(String user, String query) {
        return Api.as(user).get("/assets?includeDisposed=true&" + query).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void aCountyFindsItsDistrictsAssetsAndADistrictOnlyItsOwn() {
        String token = AssetFixtures.token();
        // Placed on the Isle of Man's latitude, away from the demo data; the filter decides, not the place.
        String maidstone = createId("maidstone.editor", asset("County Maidstone " + token, 54.20, -4.50));
        String dover = createId("dover.editor", with(asset("County Dover " + token, 54.21, -4.50),
                "localAuthority", "E07000108"));
        String medway = createId("pmo.admin", with(asset("County Medway " + token, 54.22, -4.50),
                "ownerPartnerId", "medway", "localAuthority", "E06000035"));
        String kcc = createId("kcc.editor", with(asset("County Hall " + token, 54.23, -4.50),
                "localAuthority", "E10000016"));

        assertEquals(List.of(kcc, maidstone, dover).stream().sorted().toList(),
                ids("pmo.admin", "q=" + token + "&localAuthority=E10000016").stream().sorted().toList());
        assertEquals(List.of(maidstone), ids("pmo.admin", "q=" + token + "&localAuthority=E07000110"));
        assertEquals(List.of(dover), ids("pmo.admin", "q=" + token + "&localAuthority=E07000108"));
        assertEquals(List.of(medway), ids("pmo.admin", "q=" + token + "&localAuthority=E06000035"));

        Api.as("dover.editor").accept("application/geo+json")
                .get("/assets?localAuthority=E10000016&sort=name&q=" + token).then().statusCode(200)
                .body("total", equalTo(3))
                .body("features[0].properties.name", equalTo("County Dover " + token))
                .body("features[0].properties.localAuthority", equalTo("E07000108"))
                .body("features[0].properties.localAuthorityName", equalTo("Dover"))
                .body("features[1].properties.localAuthority", equalTo("E10000016"))
                .body("features[1].properties.localAuthorityName", equalTo("Kent"));

        String csv = Api.as("pmo.admin").accept("text/csv").get("/assets/export?partner=dover&localAuthority=E10000016")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("County Dover " + token), "the county's export holds Dover's asset");
        assertTrue(csv.lines().findFirst().orElseThrow().contains("Local authority,Local authority name"), csv);
        assertTrue(csv.contains("E07000108,Dover"), "code and name columns");
        assertTrue(!csv.contains("County Medway " + token), "Medway is not in Kent County Council's area");
    }

    @Test
    void aFilterCodeTheRegisterDoesNotKnowIsABadRequestNamingTheParameter() {
        for (String path : List.of("/assets", "/assets/co-location", "/assets/export")) {
            Api.badRequestAs("maidstone.editor").accept("application/json, text/csv")
                    .get(path + "?localAuthority=E07999999").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("localAuthority"))
                    .body("errors[0].message", containsString("'E07999999' is not the GSS code"));
            Api.badRequestAs("maidstone.editor").accept("application/json, text/csv")
                    .get(path + "?localAuthority=MAIDSTONE").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", containsString("localAuthority"));
        }
    }

    @Test
    void assetsInScotlandAndWalesAreRegisteredAndFound() {
        String token = AssetFixtures.token();
        String lerwick = createId("police.editor", with(asset("Lerwick training centre " + token, 60.155, -1.145),
                "localAuthority", "S12000027", "address", Map.of("town", "Lerwick", "postcode", "ZE1 0AA")));
        String anglesey = createId("police.editor", with(asset("Holyhead depot " + token, 53.309, -4.633),
                "localAuthority", "W06000001", "address", Map.of("town", "Holyhead", "postcode", "LL65 1DQ")));
        Api.as("maidstone.editor").get("/assets/" + lerwick).then().statusCode(200)
                .body("localAuthority", equalTo("S12000027"))
                .body("localAuthorityName", equalTo("Shetland Islands"));
        Api.as("maidstone.editor").get("/assets/" + anglesey).then().statusCode(200)
                .body("localAuthorityName", equalTo("Isle of Anglesey"));
        assertEquals(List.of(lerwick), ids("maidstone.editor", "q=" + token + "&localAuthority=S12000027"));
        assertEquals(List.of(anglesey), ids("maidstone.editor", "q=" + token + "&localAuthority=W06000001"));
        assertEquals(List.of(), ids("maidstone.editor", "q=" + token + "&localAuthority=E10000016"));
    }

    @Test
    void aFormerAuthorityStaysOnlyWhileUnchanged() throws Exception {
        String token = AssetFixtures.token();
        var input = asset("Workington office " + token, 54.64, -3.55);
        String id = createId("maidstone.editor", input);
        // Registered before Allerdale was abolished (2023): the register keeps what was true then.
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update asset set local_authority = 'E07000026' where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
        Response before = Api.as("maidstone.editor").get("/assets/" + id);
        before.then().statusCode(200).body("localAuthorityName", equalTo("Allerdale"));

        var kept = with(input, "localAuthority", "E07000026", "name", "Workington office (renamed) " + token);
        Response updated = Api.as("maidstone.editor").header("If-Match", before.header("ETag")).body(kept)
                .put("/assets/" + id);
        updated.then().statusCode(200).body("localAuthority", equalTo("E07000026"));

        Api.badRequestAs("maidstone.editor").header("If-Match", updated.header("ETag")).contentType("application/json")
                .body(with(kept, "localAuthority", "E07000004")).put("/assets/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("localAuthority"))
                .body("errors[0].message", containsString("Aylesbury Vale"))
                .body("errors[0].message", containsString("replaced by E06000060"));
        // The successor is accepted.
        Api.as("maidstone.editor").header("If-Match", updated.header("ETag"))
                .body(with(kept, "localAuthority", "E06000063")).put("/assets/" + id)
                .then().statusCode(200).body("localAuthorityName", equalTo("Cumberland"));
        // A new asset cannot start in a former authority.
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(asset("Another " + token, 54.64, -3.55), "localAuthority", "E07000026")).post("/assets")
                .then().statusCode(400).body("errors[0].field", equalTo("localAuthority"))
                .body("errors[0].message", containsString("ended on 2023-04-01"));
    }

    private static ValidatableResponse importAs(String user, String header, String rows) {
        return Api.badRequestAs(user).contentType("text/csv; charset=UTF-8").accept("application/json")
                .body(HEADER.formatted(header) + rows).post("/assets/import").then();
    }

    private static String row(String token, int n, String authority) {
        return AssetFixtures.uprn() + ",LA-" + token + "-" + n + ",Imported " + n + " " + token
                + ",King Street,Maidstone,ME15 6JQ," + authority + ",576086,155747,Freehold,Office\n";
    }

    @Test
    void theImportTakesACodeOrANameAndReportsLineColumnAndValue() {
        String token = AssetFixtures.token();
        importAs("maidstone.editor", "Local authority", row(token, 1, "Maidstone Borough Council")
                + row(token, 2, "e07000108") + row(token, 3, "shetland islands") + row(token, 4, "")
                + row(token, 5, "Folkestone & Hythe")).statusCode(200).body("created", equalTo(5));
        importAs("maidstone.editor", "District", row(token, 6, "Dover")).statusCode(200).body("created", equalTo(1));
        List<Map<String, Object>> items = Api.as("maidstone.editor").get("/assets?sort=name&q=" + token).then()
                .statusCode(200).extract().jsonPath().getList("items");
        List<String> codes = new ArrayList<>();
        items.forEach(i -> codes.add((String) i.get("localAuthority")));
        // Owner Maidstone: the empty cell (row 4) means its home authority.
        assertEquals(List.of("E07000110", "E07000108", "S12000027", "E07000110", "E07000112", "E07000108"), codes);

        var errors = importAs("maidstone.editor", "Local authority", row(token, 7, "Atlantis")
                + row(token, 8, "E07999999") + row(token, 9, "E07000026") + row(token, 10, "E07000110"))
                .statusCode(422).contentType("application/problem+json")
                .extract().jsonPath().getList("errors", Map.class);
        assertEquals(List.of(2, 3), errors.stream().map(e -> ((Number) e.get("row")).intValue()).toList());
        assertEquals(List.of("Local authority", "Local authority"), errors.stream().map(e -> e.get("field")).toList());
        assertTrue(((String) errors.get(0).get("message")).contains("'Atlantis'"), errors.toString());
        assertTrue(((String) errors.get(1).get("message")).contains("'E07999999'"), errors.toString());
        // The former authority (line 4) is checked against the register once the rows are valid.
        var former = importAs("maidstone.editor", "Local authority", row(token, 9, "E07000026")).statusCode(422)
                .extract().jsonPath().getList("errors", Map.class);
        assertEquals(List.of(2), former.stream().map(e -> ((Number) e.get("row")).intValue()).toList());
        assertEquals("Local authority", former.get(0).get("field"));
        assertTrue(((String) former.get(0).get("message")).contains("'E07000026' (Allerdale) ended on 2023-04-01"),
                former.toString());
        assertEquals(6, ids("maidstone.editor", "q=" + token).size(), "nothing of the refused files was saved");
    }

    @Test
    void anExportImportsBackUnchanged() {
        String token = AssetFixtures.token();
        createId("police.editor", with(asset("Crowborough police office " + token, 51.060, 0.163),
                "localAuthority", "E07000065", "address", Map.of("town", "Crowborough", "postcode", "TN6 1DH")));
        createId("police.editor", with(asset("Bexleyheath office " + token, 51.457, 0.143),
                "localAuthority", "E09000004"));
        String csv = Api.as("police.editor").accept("text/csv")
                .get("/assets/export?layout=transparency-2014&partner=kent-police&localAuthority=E07000065").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains("E07000065,Wealden"), csv);
        assertTrue(!csv.contains("Bexleyheath office " + token), "the filter keeps Bexley out");
        int rows = (int) csv.lines().count() - 1;
        Api.as("police.editor").contentType("text/csv; charset=UTF-8").body(csv).post("/assets/import").then()
                .statusCode(200).body("rows", equalTo(rows)).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(rows));
    }

    @Test
    void theDashboardListsTheAreaThenAuthoritiesBeyondIt() {
        var dashboard = Api.as("pmo.admin").get("/dashboards/assets").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> groups = dashboard.getList("byLocalAuthority");
        List<String> area = groups.stream().filter(g -> Boolean.TRUE.equals(g.get("inPartnershipArea")))
                .map(g -> (String) g.get("name")).toList();
        assertEquals(List.of("Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham", "Kent",
                "Maidstone", "Medway", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"), area);
        assertEquals(area, groups.subList(0, area.size()).stream().map(g -> (String) g.get("name")).toList(),
                "the area's authorities come first");
        List<String> beyond = groups.subList(area.size(), groups.size()).stream().map(g -> (String) g.get("name"))
                .toList();
        assertTrue(beyond.containsAll(List.of("Crawley", "Greenwich")), "the demo's sites beyond Kent: " + beyond);
        assertEquals(beyond.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), beyond, "in name order");
        assertTrue(groups.subList(area.size(), groups.size()).stream()
                .allMatch(g -> ((Number) g.get("count")).intValue() > 0), "only authorities with assets beyond the area");
        int sum = groups.stream().mapToInt(g -> ((Number) g.get("count")).intValue()).sum();
        assertEquals(dashboard.getInt("total.count"), sum, "every asset counted once");
    }

    /** Kent County Council and its twelve districts in name order; Medway is a unitary authority, not in Kent's county. */
    static final List<String> KENT_COUNTY = List.of("Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe",
            "Gravesham", "Kent", "Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells");

    @Test
    void aCountyFilterListsTheCountyAndItsDistrictsOnly() {
        // A site in Kent's district of Swale, so the county's figures hold at least one asset of this test.
        createId("pmo.admin", with(asset("Dashboard Swale " + AssetFixtures.token(), 51.34, 0.73),
                "localAuthority", "E07000113"));
        var dashboard = Api.as("pmo.admin").get("/dashboards/assets?localAuthority=E10000016").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> groups = dashboard.getList("byLocalAuthority");
        assertEquals(KENT_COUNTY, groups.stream().map(g -> (String) g.get("name")).toList(),
                "the county and its districts, zeros included, nothing outside it (no Medway, no Crawley)");
        assertTrue(groups.stream().allMatch(g -> Boolean.TRUE.equals(g.get("inPartnershipArea"))), groups.toString());
        int sum = groups.stream().mapToInt(g -> ((Number) g.get("count")).intValue()).sum();
        assertEquals(dashboard.getInt("total.count"), sum, "the total counts the filter's assets only");
        assertEquals(sum, dashboard.getList("byStatus.count", Integer.class).stream().mapToInt(Integer::intValue).sum());
        assertEquals(sum, dashboard.getList("byPartner.count", Integer.class).stream().mapToInt(Integer::intValue).sum());
        // The same assets as the search by the same filter (which leaves disposed assets out, as the dashboard does).
        assertEquals(sum, (int) Api.as("pmo.admin").get("/assets?limit=1&localAuthority=E10000016").path("total"));
        int whole = Api.as("pmo.admin").get("/dashboards/assets").path("total.count");
        assertTrue(whole > sum, "Medway's and the sites beyond Kent are not in the county's figures: " + whole + " " + sum);
    }

    @Test
    void aDistrictFilterListsThatDistrict() {
        var dashboard = Api.as("maidstone.editor").get("/dashboards/assets?localAuthority=E07000110").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> groups = dashboard.getList("byLocalAuthority");
        assertEquals(1, groups.size(), groups.toString());
        assertEquals("E07000110", groups.get(0).get("localAuthority"));
        assertEquals("Maidstone", groups.get(0).get("name"));
        assertEquals(dashboard.getInt("total.count"), ((Number) groups.get(0).get("count")).intValue());
        assertEquals(dashboard.getString("total.grossInternalAreaM2"), groups.get(0).get("grossInternalAreaM2"));
        assertEquals((int) Api.as("maidstone.editor").get("/assets?limit=1&localAuthority=E07000110").path("total"),
                dashboard.getInt("total.count"));

        // Beyond the partnership's area, where no test registers an asset: still listed, with zeros, and flagged as outside.
        var antrim = Api.as("maidstone.editor").get("/dashboards/assets?localAuthority=N09000001").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("N09000001"), antrim.getList("byLocalAuthority.localAuthority"));
        assertEquals(false, antrim.get("byLocalAuthority[0].inPartnershipArea"));
        assertEquals(0, antrim.getInt("total.count"));
        assertEquals("0.00", antrim.getString("total.grossInternalAreaM2"));
        assertEquals(List.of(), antrim.getList("byStatus"));
    }
}
