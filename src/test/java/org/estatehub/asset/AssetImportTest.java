package org.estatehub.asset;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Transparency Code CSV import (all or nothing, idempotent) and export. */
@QuarkusTest
class AssetImportTest {

    static final String HEADER = "Organisation name,UPRN,Unique Asset ID,Name,Street number,Street,Post town,Postcode,"
            + "X co-ordinate,Y co-ordinate,Tenure,Tenure category,Asset type,Land only,Annual running cost (GBP),Utilisation (%)\n";

    private static ValidatableResponse importAs(String user, String csv, String query) {
        return Api.as(user).contentType("text/csv; charset=UTF-8").body(csv).post("/assets/import" + query).then();
    }

    private static ValidatableResponse badImportAs(String user, String csv) {
        return Api.badRequestAs(user).contentType("text/csv; charset=UTF-8").body(csv).post("/assets/import").then();
    }

    private static String goodFile(String token, String uprn1, String uprn2) {
        return HEADER
                + "Maidstone Borough Council," + uprn1 + ",MBC-" + token + "-1,Maidstone House " + token
                + ",,King Street,Maidstone,me15 6jq,576086,155747,Leasehold,Occupied,Office,no,\"£412,500.00\",64\n"
                + "Maidstone Borough Council," + uprn2 + ",MBC-" + token + "-2,Lockmeadow land " + token
                + ",,Barker Road,Maidstone,ME16 8LW,575790,155380,Freehold,Vacant,land,yes,,\n"
                + "Maidstone BC,,MBC-" + token + "-3,\"Town Hall, High Street " + token
                + "\",1,High Street,Maidstone,ME14 1TF,576000,155800,Freehold,,Office,no,98765.43,81%\n";
    }

    private static long count(String user, String token) {
        return Api.as(user).get("/assets?includeDisposed=true&q=" + token).then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void goodFileThenReimportThenChange() {
        String token = AssetFixtures.token();
        String uprn1 = AssetFixtures.uprn();
        String uprn2 = AssetFixtures.uprn();
        String file = goodFile(token, uprn1, uprn2);

        importAs("maidstone.editor", file, "").statusCode(200)
                .body("ownerPartnerId", equalTo("maidstone"))
                .body("rows", equalTo(3)).body("created", equalTo(3))
                .body("updated", equalTo(0)).body("unchanged", equalTo(0));
        assertEquals(3, count("maidstone.editor", token));

        var house = Api.as("dover.editor").get("/assets?q=maidstone house " + token).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].ownerPartnerId", equalTo("maidstone"))
                .body("items[0].tenure", equalTo("LEASEHOLD"))
                .body("items[0].address.postcode", equalTo("ME15 6JQ"))
                .body("items[0].annualRunningCost.amount", equalTo("412500.00"))
                .body("items[0].localAuthority", equalTo("E07000110"))
                .body("items[0].localAuthorityName", equalTo("Maidstone"))
                .extract().jsonPath();
        // OS grid 576086, 155747 is King Street, Maidstone: about 51.2735 N, 0.5237 E.
        assertEquals(51.2735, house.getDouble("items[0].location.latitude"), 0.002);
        assertEquals(0.5237, house.getDouble("items[0].location.longitude"), 0.003);
        Api.as("dover.editor").get("/assets?q=lockmeadow land " + token).then()
                .body("items[0].landOnly", equalTo(true)).body("items[0].assetType", equalTo("LAND"));

        importAs("maidstone.editor", file, "").statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));
        assertEquals(3, count("maidstone.editor", token));

        String changed = file.replace("Leasehold,Occupied,Office,no,\"£412,500.00\",64",
                "Freehold,Occupied,Office,no,\"£400,000.00\",64");
        importAs("maidstone.editor", changed, "").statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(2));
        Api.as("maidstone.editor").get("/assets?q=maidstone house " + token).then()
                .body("items[0].tenure", equalTo("FREEHOLD"))
                .body("items[0].annualRunningCost.amount", equalTo("400000.00"))
                .body("items[0].version", equalTo(1));
    }

    @Test
    void badRowsAreAllReportedAndNothingIsSaved() {
        String token = AssetFixtures.token();
        String file = HEADER
                + "Maidstone Borough Council,200000000001,R-" + token + "-1,Good row " + token
                + ",,King Street,Maidstone,ME15 6JQ,576086,155747,Freehold,,Office,no,10.00,50\n"
                // Not "0123" as before #15: leading zeros are now dropped from a UPRN, letters are still refused.
                + "Maidstone Borough Council,U123,R-" + token + "-2,Bad UPRN " + token
                + ",,King Street,Maidstone,ME15 6JQ,576086,155747,Freehold,,Office,no,10.00,50\n"
                + "Maidstone Borough Council,200000000003,R-" + token + "-3,Bad tenure and cost " + token
                + ",,King Street,Maidstone,ME15 6JQ,576086,155747,rented,,Office,no,12.345,50\n"
                + "Dover District Council,200000000004,R-" + token + "-4,Someone else's " + token
                + ",,King Street,Maidstone,ME15 6JQ,576086,155747,Freehold,,Office,no,10.00,50\n"
                + "Maidstone Borough Council,200000000005,R-" + token + "-5,Off the map " + token
                + ",,King Street,Maidstone,ME15 6JQ,abc,9999999,Freehold,,Spaceport,no,10.00,150\n"
                + "Maidstone Borough Council,200000000001,R-" + token + "-6,Duplicate UPRN " + token
                + ",,King Street,Maidstone,ME15 6JQ,576086,155747,Freehold,,Office,no,10.00,50\n"
                + "Maidstone Borough Council,200000000007,R-" + token + "-7,Another good row " + token
                + ",,King Street,Maidstone,ME15 6JQ,576086,155747,Freehold,,Office,no,10.00,50\n";

        var errors = badImportAs("maidstone.editor", file).statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("5 of 7 rows are invalid; nothing was saved"))
                .extract().jsonPath().getList("errors", Map.class);
        // Line 6: X not a number, asset type, utilisation. Since #15 the coordinates are read as a pair, so
        // its northing out of range is no second error once the easting is unreadable.
        assertEquals(List.of(3, 4, 4, 5, 6, 6, 6, 7),
                errors.stream().map(e -> ((Number) e.get("row")).intValue()).sorted().toList());
        assertTrue(errors.stream().anyMatch(e -> e.get("field").equals("UPRN") && ((int) e.get("row")) == 3));
        assertTrue(errors.stream().anyMatch(e -> e.get("field").equals("Tenure")
                && e.get("message").toString().contains("rented")));
        assertTrue(errors.stream().anyMatch(e -> e.get("field").equals("Organisation name")));
        assertTrue(errors.stream().anyMatch(e -> e.get("field").equals("UPRN")
                && e.get("message").toString().contains("line 2")));
        assertEquals(0, count("pmo.admin", token));
    }

    @Test
    void fileLevelProblems() {
        badImportAs("maidstone.editor", "").statusCode(400);
        badImportAs("maidstone.editor", HEADER).statusCode(400).body("detail", containsString("no asset rows"));
        // Since #15 coordinates are optional; a key column is not.
        badImportAs("maidstone.editor", "Name,Tenure\nX,Freehold\n").statusCode(400)
                .body("detail", containsString("UPRN, AssetCode (or Unique Asset ID)"));
        Api.badRequestAs("maidstone.editor").contentType("application/json").body("{}").post("/assets/import")
                .then().statusCode(415);
    }

    @Test
    void whoMayImportForWhom() {
        String token = AssetFixtures.token();
        String file = goodFile(token, AssetFixtures.uprn(), AssetFixtures.uprn());
        badImportAs("maidstone.viewer", file).statusCode(403);
        Api.badRequestAs("maidstone.editor").contentType("text/csv; charset=UTF-8").body(file)
                .post("/assets/import?ownerPartnerId=dover").then().statusCode(403);
        assertEquals(0, count("pmo.admin", token));
        importAs("pmo.admin", file, "?ownerPartnerId=maidstone").statusCode(200).body("created", equalTo(3));
        importAs("maidstone.editor", file, "").statusCode(200).body("unchanged", equalTo(3));
    }

    @Test
    void exportRoundTripsThroughImport() throws IOException {
        String token = AssetFixtures.token();
        importAs("maidstone.editor", goodFile(token, AssetFixtures.uprn(), AssetFixtures.uprn()), "").statusCode(200);

        String csv = Api.as("police.viewer").accept("text/csv").get("/assets/export?layout=transparency-2014&partner=maidstone")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords().stream()
                .filter(r -> r.get("Name").contains(token)).toList();
        assertEquals(3, records.size());
        CSVRecord house = records.stream().filter(r -> r.get("Name").startsWith("Maidstone House")).findFirst().orElseThrow();
        assertEquals("Maidstone Borough Council", house.get("Organisation name"));
        assertEquals("Leasehold", house.get("Tenure"));
        assertEquals("412500.00", house.get("Annual running cost (GBP)"));
        assertEquals(576086, Double.parseDouble(house.get("X co-ordinate")), 1.0);
        assertEquals(155747, Double.parseDouble(house.get("Y co-ordinate")), 1.0);

        // Importing the export back changes nothing.
        String ownFile = csv.lines().filter(l -> l.startsWith("Organisation name") || l.contains(token))
                .reduce("", (x, y) -> x + y + "\n");
        importAs("maidstone.editor", ownFile, "").statusCode(200).body("rows", equalTo(3))
                .body("unchanged", equalTo(3));
    }

    @Test
    void exportHidesOtherPartnersOwnerOnlyAssets() {
        String token = AssetFixtures.token();
        AssetFixtures.create("maidstone.editor", AssetFixtures.with(
                AssetFixtures.asset("Hidden " + token, 51.27, 0.52), "visibility", "OWNER_ONLY"));
        String forDover = Api.as("dover.editor").accept("text/csv").get("/assets/export").then().statusCode(200)
                .extract().asString();
        String forMaidstone = Api.as("maidstone.viewer").accept("text/csv").get("/assets/export").then()
                .statusCode(200).extract().asString();
        assertTrue(!forDover.contains(token));
        assertTrue(forMaidstone.contains(token));
    }
}
