package org.estatehub.hardening;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.FundingFixtures;
import org.estatehub.testing.ProjectFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Answers an independent validator and integrators found outside the contract or hard to use (issue #12,
 * parts 3 and 4). Every exchange goes through the contract check, so each status asserted here is also
 * one the contract declares for its operation.
 */
@QuarkusTest
class IntegratorHolesTest {

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    /** The one shape of a bad parameter: 400 validation, the parameter named, no Java text. */
    private static void badParameter(String user, String pathAndQuery, String parameter, String messagePart) {
        Response r = Api.badRequestAs(user).accept(ContentType.JSON).urlEncodingEnabled(false).get(pathAndQuery);
        problem(r.then(), 400)
                .body("type", equalTo("https://estatehub.example/problems/validation"))
                .body("errors[0].field", equalTo(parameter))
                .body("errors[0].message", containsString(messagePart));
        String body = r.asString();
        for (String javaText : List.of("Invalid UUID string", "Unexpected", "Exception", "java.")) {
            assertTrue(!body.contains(javaText), pathAndQuery + ": Java text in " + body);
        }
    }

    @Test
    void missingRoundOrPartnerIsADeclared404() {
        String project = FundingFixtures.project("maidstone");
        problem(Api.as("pmo.admin").body(Map.of("roundId", UUID.randomUUID().toString(), "title", "No round",
                "lines", List.of(FundingFixtures.line(project, "10.00", "Survey")))).post("/bids").then(), 404)
                .body("detail", containsString("funding round"));
        problem(Api.as("pmo.admin").contentType("text/csv").body("Organisation name,UPRN,Name\n")
                .post("/assets/import?ownerPartnerId=atlantis-council").then(), 404)
                .body("detail", containsString("atlantis-council"));
    }

    @Test
    void unacceptableAcceptIsADeclared406NamingWhatTheOperationAnswers() {
        problem(Api.badRequestAs("dover.editor").accept("text/csv").get("/me").then(), 406)
                .body("detail", containsString("application/json"));
        problem(Api.badRequestAs("dover.editor").accept("text/csv").get("/projects").then(), 406)
                .body("detail", containsString("application/json"));
        problem(Api.badRequestAs("dover.editor").accept("application/json").get("/assets/export").then(), 406)
                .body("detail", containsString("text/csv"))
                .body("detail", not(containsString("application/json")));
    }

    @Test
    void wrongBodyTypeOnTheCsvImportNamesTextCsv() {
        problem(Api.badRequestAs("pmo.admin").contentType(ContentType.JSON).body("{}").post("/assets/import").then(),
                415).body("detail", containsString("text/csv"))
                .body("detail", not(containsString("application/json")));
    }

    @Test
    void changingTheStageThroughPutIsADeclared409() {
        String id = ProjectFixtures.createId("maidstone.editor", ProjectFixtures.project("Stage by PUT"));
        String etag = FundingFixtures.etag("maidstone.editor", "/projects/" + id);
        problem(Api.as("maidstone.editor").header("If-Match", etag)
                .body(ProjectFixtures.with(ProjectFixtures.project("Stage by PUT"), "stage", "DELIVERY"))
                .put("/projects/" + id).then(), 409)
                .body("detail", containsString("stage-changes"));
    }

    @Test
    void aClaimsETagComesWithItsCreationAndItsRead() {
        String award = FundingFixtures.award("OPE", "maidstone", "1000.00", "Survey");
        String key = "claim-" + UUID.randomUUID();
        Response created = Api.as("maidstone.editor").header("Idempotency-Key", key)
                .body(FundingFixtures.claim("INV-ETAG-1", "10.00", "Survey")).post("/awards/" + award + "/claims");
        created.then().statusCode(201).header("ETag", equalTo("\"" + created.path("version") + "\""));
        String id = created.path("id");
        // A retry repeats the first answer, ETag included.
        Api.as("maidstone.editor").header("Idempotency-Key", key)
                .body(FundingFixtures.claim("INV-ETAG-1", "10.00", "Survey")).post("/awards/" + award + "/claims")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("ETag", equalTo(created.header("ETag")));
        Api.as("maidstone.editor").get("/claims/" + id).then().statusCode(200)
                .body("invoiceReference", equalTo("INV-ETAG-1"))
                .header("ETag", equalTo(created.header("ETag")));
        // The approver uses the ETag as given rather than building one.
        Api.as("pmo.admin").header("If-Match", created.header("ETag")).post("/claims/" + id + "/approval")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        Api.as("pmo.admin").get("/claims/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void unknownEnumValuesOfQueryParametersAre400() {
        badParameter("pmo.admin", "/mous/coverage?scope=SOME", "scope", "OPE_RECIPIENTS, ALL");
        badParameter("pmo.admin", "/assets?sort=height", "sort", "is not one of");
        badParameter("maidstone.editor", "/assets?localAuthority=E07999999", "localAuthority",
                "'E07999999' is not the GSS code of a UK local authority");
        badParameter("maidstone.editor", "/partners?type=PIRATES", "type", "'PIRATES' is not one of");
    }

    @Test
    void badQueryAndPathParametersHaveOneShape() {
        badParameter("maidstone.editor", "/bids?roundId=xyz", "roundId", "'xyz' is not a UUID");
        badParameter("maidstone.editor", "/partners?limit=lots", "limit", "'lots' is not an integer");
        badParameter("maidstone.editor", "/assets?includeDisposed=yes", "includeDisposed", "not true or false");
        badParameter("maidstone.editor", "/assets/xyz", "assetId", "'xyz' is not a UUID");
        badParameter("maidstone.editor", "/partners?limit=0", "limit", "");
    }

    @Test
    void aRepeatedSingleValuedParameterIsRefused() {
        badParameter("maidstone.editor", "/assets?limit=1;limit=100000", "limit", "given 2 times");
        badParameter("maidstone.editor", "/partners?limit=1&limit=2", "limit", "given 2 times");
        badParameter("maidstone.editor", "/assets?localAuthority=E07000108&localAuthority=E07000110", "localAuthority",
                "given 2 times");
        Api.as("maidstone.editor").get("/assets?limit=1").then().statusCode(200);
    }

    @Test
    void anAssetNeedsAUprnOrItsOwnReference() {
        Map<String, Object> asset = AssetFixtures.asset("No reference " + AssetFixtures.token(), 51.27, 0.52);
        asset.remove("uprn");
        asset.remove("ownReference");
        problem(Api.badRequestAs("maidstone.editor").contentType(ContentType.JSON).body(asset).post("/assets").then(),
                400).body("errors[0].field", equalTo("uprn"))
                .body("errors[0].message", containsString("ownReference"));
        asset.put("ownReference", "REF-" + AssetFixtures.token());
        Api.as("maidstone.editor").body(asset).post("/assets").then().statusCode(201);
    }

    @Test
    void distanceOnlyInRadiusSearches() {
        String token = AssetFixtures.token();
        AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Distance " + token, 51.27, 0.52));
        Api.as("maidstone.editor").get("/assets?q=" + token).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items.distanceM", everyItem(nullValue()));
        Api.as("maidstone.editor").get("/assets?limit=50").then().statusCode(200)
                .body("items.distanceM", everyItem(nullValue()));
        Api.as("maidstone.editor").get("/assets?q=" + token + "&nearLat=51.27&nearLon=0.52&radiusM=100")
                .then().statusCode(200).body("items[0].distanceM", notNullValue());
        Api.as("maidstone.editor").accept("application/geo+json").get("/assets?q=" + token).then().statusCode(200)
                .body("features[0].properties.distanceM", nullValue());
    }

    @Test
    void locationNamesTheProxysPublicAddress() {
        Map<String, Object> asset = AssetFixtures.asset("Proxied " + AssetFixtures.token(), 51.27, 0.52);
        Response direct = Api.as("maidstone.editor").body(asset).post("/assets");
        direct.then().statusCode(201).header("Location", not(containsString("estatehub.example.org")));
        Response proxied = Api.as("maidstone.editor").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "estatehub.example.org")
                .body(AssetFixtures.with(asset, "name", "Proxied again", "uprn", AssetFixtures.uprn(), "ownReference",
                        "P-" + AssetFixtures.token()))
                .post("/assets");
        proxied.then().statusCode(201)
                .header("Location", startsWith("https://estatehub.example.org/assets/"));
        assertEquals("https://estatehub.example.org/assets/" + proxied.path("id"), proxied.header("Location"));
    }
}
