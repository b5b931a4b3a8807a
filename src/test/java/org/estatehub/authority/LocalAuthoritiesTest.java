package org.estatehub.authority;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.ProjectFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * GET /local-authorities and /local-authorities/{code} against the shipped CSV (mySociety's register): every
 * row with a GSS code is served exactly as the file has it; the filters, paging, the county filter and the
 * partnership area flags; and what records may be given as their authority.
 */
@QuarkusTest
class LocalAuthoritiesTest {

    static final Path CSV = Path.of("src", "main", "resources", "reference", "uk-local-authorities.csv");

    /** Kent's twelve districts (the test profile's partnership area: Kent County Council and Medway). */
    static final Set<String> KENT_DISTRICTS = Set.of("E07000105", "E07000106", "E07000107", "E07000108", "E07000109",
            "E07000110", "E07000111", "E07000112", "E07000113", "E07000114", "E07000115", "E07000116");

    /** The file's rows that have a GSS code, by code, as the API should show them. */
    static Map<String, Map<String, Object>> expected;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void readTheCsv() throws Exception {
        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(CSV, StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        Map<String, String> gssByLaCode = new HashMap<>();
        rows.forEach(r -> gssByLaCode.put(r.get("local-authority-code").strip(), r.get("gss-code").strip()));
        expected = new LinkedHashMap<>();
        for (CSVRecord r : rows) {
            if (r.get("gss-code").isBlank()) {
                continue;
            }
            // The register holds the file's values without surrounding spaces (scripts/LocalAuthoritiesSql.java).
            java.util.function.Function<String, String> v = column -> r.get(column).strip();
            Map<String, Object> a = new HashMap<>();
            a.put("code", v.apply("gss-code"));
            a.put("name", v.apply("nice-name"));
            a.put("officialName", v.apply("official-name"));
            a.put("type", v.apply("local-authority-type"));
            a.put("typeName", v.apply("local-authority-type-name"));
            a.put("nation", v.apply("nation"));
            a.put("region", blankToNull(v.apply("region")));
            a.put("countyCode", v.apply("county-la").isBlank() ? null : gssByLaCode.get(v.apply("county-la")));
            a.put("startDate", blankToNull(v.apply("start-date")));
            a.put("endDate", blankToNull(v.apply("end-date")));
            a.put("replacedBy", Arrays.stream(v.apply("replaced-by").split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).map(gssByLaCode::get).toList());
            a.put("current", switch (v.apply("current-authority")) {
                case "True" -> true;
                case "False" -> false;
                default -> throw new AssertionError("current-authority " + v.apply("current-authority"));
            });
            expected.put(v.apply("gss-code"), a);
        }
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    /** Every authority the API lists, in its order (two pages of 500 at most). */
    private static List<Map<String, Object>> all(String query) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            JsonPath page = Api.as("police.viewer").get("/local-authorities?limit=500&offset=" + offset + query)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> got = page.getList("items");
            items.addAll(got);
            if (got.size() < 500) {
                assertEquals(items.size(), page.getInt("total"), query + ": total");
                return items;
            }
        }
    }

    private static List<String> codes(String query) {
        return all(query).stream().map(a -> (String) a.get("code")).toList();
    }

    /** The expected codes matching the predicate, in the API's order (name ignoring case, then code). */
    private static List<String> expectedCodes(Predicate<Map<String, Object>> filter) {
        return expected.values().stream().filter(filter)
                .sorted(Comparator.comparing((Map<String, Object> a) -> ((String) a.get("name")).toLowerCase(Locale.ROOT))
                        .thenComparing(a -> (String) a.get("code")))
                .map(a -> (String) a.get("code")).toList();
    }

    @Test
    void theRegisterIsTheShippedCsv() {
        assertEquals(445, expected.size(), "rows of the CSV with a GSS code");
        List<Map<String, Object>> served = all("");
        assertEquals(expectedCodes(a -> true), served.stream().map(a -> (String) a.get("code")).toList(),
                "every authority, ordered by name then code");
        for (Map<String, Object> got : served) {
            Map<String, Object> want = expected.get((String) got.get("code"));
            for (String field : List.of("code", "name", "officialName", "type", "typeName", "nation", "region",
                    "countyCode", "startDate", "endDate", "replacedBy", "current")) {
                assertEquals(want.get(field), got.get(field), got.get("code") + " " + field);
            }
        }
        // One by one, too.
        for (String code : List.of("E07000110", "E10000016", "E06000035", "S12000030", "N09000002", "E07000004")) {
            Map<String, Object> one = Api.as("maidstone.editor").get("/local-authorities/" + code).then()
                    .statusCode(200).extract().jsonPath().getMap("$");
            for (String field : List.of("code", "name", "officialName", "type", "countyCode", "endDate", "replacedBy",
                    "current")) {
                assertEquals(expected.get(code).get(field), one.get(field), code + " " + field);
            }
        }
    }

    @Test
    void filters() {
        assertEquals(expectedCodes(a -> a.get("type").equals("CTY")), codes("&type=CTY"));
        assertEquals(expectedCodes(a -> Set.of("NMD", "UA").contains(a.get("type"))), codes("&type=NMD&type=UA"));
        assertEquals(expectedCodes(a -> "South East".equals(a.get("region"))), codes("&region=south east"));
        assertEquals(expectedCodes(a -> a.get("current").equals(false)), codes("&current=false"));
        assertEquals(expectedCodes(a -> a.get("current").equals(true)), codes("&current=true"));
        assertTrue(codes("&current=false").contains("E07000004"), "Aylesbury Vale is a former authority");
        assertEquals(List.of("E07000116"), codes("&name=TUNBRIDGE"));
        // The official name counts too: no short name says "Royal Borough".
        assertEquals(expectedCodes(a -> ((String) a.get("officialName")).toLowerCase(Locale.ROOT).contains("royal borough")),
                codes("&name=royal borough"));
        assertTrue(codes("&name=royal borough").contains("E09000011"), "the Royal Borough of Greenwich");
        assertEquals(expectedCodes(a -> a.get("type").equals("NMD") && "South East".equals(a.get("region"))
                && a.get("current").equals(true)), codes("&type=NMD&region=South East&current=true"));
        assertEquals(List.of(), codes("&name=atlantis"));
    }

    @Test
    void pagesFollowOneStableOrder() {
        List<String> whole = codes("&region=London");
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < whole.size() + 10; offset += 10) {
            JsonPath page = Api.as("police.viewer")
                    .get("/local-authorities?region=London&limit=10&offset=" + offset).then().statusCode(200)
                    .body("limit", equalTo(10)).body("offset", equalTo(offset)).body("total", equalTo(whole.size()))
                    .extract().jsonPath();
            paged.addAll(page.getList("items.code", String.class));
        }
        assertEquals(whole, paged);
        assertEquals(expectedCodes(a -> "London".equals(a.get("region"))), whole);
        Api.as("police.viewer").get("/local-authorities?limit=5&offset=10000").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(445));
    }

    @Test
    void aCountyListsItsDistricts() {
        assertEquals(KENT_DISTRICTS, new TreeSet<>(codes("&county=E10000016")));
        assertEquals(expectedCodes(a -> "E10000016".equals(a.get("countyCode"))), codes("&county=E10000016"));
        // A former county still lists the districts it had.
        assertEquals(expectedCodes(a -> "E10000002".equals(a.get("countyCode"))), codes("&county=E10000002"));
        Api.badRequestAs("police.viewer").get("/local-authorities?county=E07000110").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("county"))
                .body("errors[0].message", containsString("not a county council"));
        Api.badRequestAs("police.viewer").get("/local-authorities?county=E10999999").then().statusCode(400)
                .body("errors[0].field", equalTo("county"));
    }

    @Test
    void thePartnershipAreaIsKentAndMedway() {
        Set<String> area = new TreeSet<>(KENT_DISTRICTS);
        area.add("E10000016");
        area.add("E06000035");
        assertEquals(area, new TreeSet<>(codes("&inPartnershipArea=true")));
        List<Map<String, Object>> everything = all("");
        for (Map<String, Object> a : everything) {
            assertEquals(area.contains(a.get("code")), a.get("inPartnershipArea"), a.get("code") + " inPartnershipArea");
        }
        assertEquals(445 - area.size(), codes("&inPartnershipArea=false").size());
        Api.as("dover.editor").get("/local-authorities/E09000004").then().statusCode(200)
                .body("name", equalTo("Bexley")).body("inPartnershipArea", equalTo(false));
        Api.as("dover.editor").get("/local-authorities/E06000035").then().statusCode(200)
                .body("inPartnershipArea", equalTo(true));
    }

    @Test
    void unknownMalformedAndAnonymous() {
        Api.as("police.viewer").get("/local-authorities/E07999999").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("E07999999"));
        for (String malformed : List.of("e07000110", "E0700011", "E070001100", "MAI")) {
            Api.badRequestAs("police.viewer").get("/local-authorities/" + malformed).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("code"));
        }
        Api.anonymous().get("/local-authorities").then().statusCode(401);
        Api.anonymous().get("/local-authorities/E07000110").then().statusCode(401);
    }

    /**
     * A record keeps the authority it has after that authority is abolished (what was registered stays
     * true); changing to a former one is refused. The stored value is set in SQL, as no request can give it.
     */
    @Test
    void aRecordKeepsItsFormerAuthorityButCannotBeMovedToOne() throws Exception {
        String partner = "la-" + AssetFixtures.token();
        Api.as("pmo.admin").body(Map.of("id", partner, "name", "Vale partner", "type", "OTHER",
                "localAuthority", "E06000060")).post("/partners").then().statusCode(201);
        String project = ProjectFixtures.createId("pmo.admin", ProjectFixtures.with(
                ProjectFixtures.project("Vale project " + AssetFixtures.token()), "localAuthority", "E06000060"));
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of("update partner set local_authority = 'E07000004' where id = ?",
                    "update project set local_authority = 'E07000004' where id = cast(? as uuid)")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, sql.contains("partner") ? partner : project);
                    assertEquals(1, s.executeUpdate());
                }
            }
        }
        String etag = Api.as("pmo.admin").get("/partners/" + partner).header("ETag");
        Api.as("pmo.admin").header("If-Match", etag).body(Map.of("name", "Vale partner, renamed", "type", "OTHER",
                "localAuthority", "E07000004")).put("/partners/" + partner).then().statusCode(200)
                .body("localAuthority", equalTo("E07000004")).body("localAuthorityName", equalTo("Aylesbury Vale"));
        etag = Api.as("pmo.admin").get("/partners/" + partner).header("ETag");
        Api.as("pmo.admin").header("If-Match", etag).body(Map.of("name", "Vale partner", "type", "OTHER",
                "localAuthority", "E07000005")).put("/partners/" + partner).then().statusCode(400)
                .body("errors[0].field", equalTo("localAuthority"))
                .body("errors[0].message", containsString("E06000060"));

        var path = "/projects/" + project;
        Map<String, Object> input = ProjectFixtures.with(ProjectFixtures.project("Vale project, renamed"),
                "localAuthority", "E07000004");
        Api.as("pmo.admin").header("If-Match", Api.as("pmo.admin").get(path).header("ETag")).body(input).put(path)
                .then().statusCode(200).body("localAuthority", equalTo("E07000004"));
        Api.as("pmo.admin").header("If-Match", Api.as("pmo.admin").get(path).header("ETag"))
                .body(ProjectFixtures.with(input, "localAuthority", "E07000005")).put(path)
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("localAuthority"));
        Api.as("pmo.admin").get(path).then().body("localAuthority", equalTo("E07000004"))
                .body("name", equalTo("Vale project, renamed"));
    }

    @Test
    void theAttributionIsInTheContract() throws Exception {
        String contract = Files.readString(Path.of("openapi", "estatehub.yaml"));
        String list = contract.substring(contract.indexOf("operationId: listLocalAuthorities"));
        list = list.substring(0, list.indexOf("parameters:")).replaceAll("\\s+", " ");
        for (String required : List.of("mySociety", "CC-BY-4.0", "Office for National Statistics",
                "Open Government Licence v3.0")) {
            assertTrue(list.contains(required), "GET /local-authorities' description names " + required);
        }
        Set<String> lines = Files.readAllLines(CSV).stream().skip(1).collect(Collectors.toSet());
        assertTrue(lines.size() > 445, "the CSV is shipped whole, with the rows without a GSS code");
    }
}
