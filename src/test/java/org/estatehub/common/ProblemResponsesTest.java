package org.estatehub.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.estatehub.testing.Api;
import org.estatehub.testing.Keycloak;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Bad input always gets a clear RFC 9457 problem, never a 500, and nothing is written. */
@QuarkusTest
class ProblemResponsesTest {

    private static ValidatableResponse postPartner(String body) {
        return Api.badRequestAs("pmo.admin").contentType(ContentType.JSON).body(body).post("/partners").then();
    }

    private static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", startsWith("https://estatehub.example/problems/"))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }

    private static void notWritten(String id) {
        Api.as("pmo.admin").get("/partners/" + id).then().statusCode(404);
    }

    @Test
    void malformedJson() {
        isProblem(postPartner("{\"id\": \"bad-json\", \"name\": "), 400)
                .body("detail", containsString("not valid JSON"));
        notWritten("bad-json");
    }

    @Test
    void missingRequiredFieldsAreEachListed() {
        isProblem(postPartner("{\"id\": \"no-name\"}"), 400)
                .body("errors.field", hasItems("name", "type"));
        notWritten("no-name");
    }

    @Test
    void wrongTypes() {
        isProblem(postPartner("{\"id\": \"wrong-type\", \"name\": [1,2], \"type\": \"OTHER\"}"), 400)
                .body("errors.field", hasItem("name"));
        notWritten("wrong-type");
    }

    @Test
    void unknownEnumValueNamesTheAllowedOnes() {
        isProblem(postPartner("{\"id\": \"bad-enum\", \"name\": \"X\", \"type\": \"PIRATES\"}"), 400)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("DISTRICT_COUNCIL"));
        notWritten("bad-enum");
    }

    @Test
    void unknownPropertyIsRefusedRatherThanDropped() {
        isProblem(postPartner("{\"id\": \"typo\", \"nmae\": \"X\", \"name\": \"X\", \"type\": \"OTHER\"}"), 400)
                .body("errors[0].field", equalTo("nmae"));
        notWritten("typo");
    }

    @Test
    void fieldRulesFromTheContract() {
        isProblem(postPartner("{\"id\": \"Not A Slug!\", \"name\": \"\", \"type\": \"OTHER\"}"), 400)
                .body("errors.field", hasItems("id", "name"));
        String longName = "x".repeat(201);
        isProblem(postPartner("{\"id\": \"too-long\", \"name\": \"" + longName + "\", \"type\": \"OTHER\"}"), 400)
                .body("errors.field", hasItem("name"));
        notWritten("too-long");
    }

    @Test
    void injectionStringsAreJustData() {
        String id = "inj-" + System.nanoTime();
        Api.as("pmo.admin")
                .body(Map.of("id", id, "name", "x'); drop table partner; --", "type", "OTHER"))
                .post("/partners").then().statusCode(201);
        Api.as("pmo.admin").get("/partners/" + id).then().statusCode(200)
                .body("name", equalTo("x'); drop table partner; --"));
        isProblem(Api.badRequestAs("pmo.admin").get("/partners/' or 1=1 --").then(), 400);
    }

    @Test
    void emptyBody() {
        isProblem(Api.badRequestAs("pmo.admin").contentType(ContentType.JSON).post("/partners").then(), 400);
    }

    @Test
    void wrongContentType() {
        isProblem(Api.badRequestAs("pmo.admin").contentType(ContentType.TEXT).body("id=x").post("/partners").then(), 415)
                .body("detail", containsString("application/json"));
    }

    @Test
    void badQueryParameters() {
        isProblem(Api.badRequestAs("dover.editor").get("/partners?limit=0").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        isProblem(Api.badRequestAs("dover.editor").get("/partners?limit=lots").then(), 400);
        isProblem(Api.badRequestAs("dover.editor").get("/partners?type=PIRATES").then(), 400);
    }

    @Test
    void badPathParameter() {
        isProblem(Api.badRequestAs("dover.editor").get("/partners/NOT_A_SLUG").then(), 400)
                .body("errors[0].field", equalTo("partnerId"));
    }

    /** The 360Giving export offers JSON and CSV; anything else, or a format= that Accept rules out, is refused. */
    @Test
    void awardExportFormatsAndAcceptMustAgree() {
        isProblem(Api.badRequestAs("dover.editor").get("/awards/export?format=xml").then(), 400)
                .body("errors[0].field", equalTo("format"))
                .body("errors[0].message", containsString("csv"));
        isProblem(Api.badRequestAs("dover.editor").accept("application/xml").get("/awards/export").then(), 406)
                .body("detail", containsString("text/csv"));
        isProblem(Api.badRequestAs("dover.editor").accept("text/csv").get("/awards/export?format=json").then(), 406);
        isProblem(Api.badRequestAs("dover.editor").accept("application/json").get("/awards/export?format=csv").then(), 406);
    }

    @Test
    void unknownPathAndMethodAreProblemsToo() {
        given().auth().oauth2(Keycloak.userToken("dover.editor")).get("/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Keycloak.userToken("pmo.admin")).delete("/partners/maidstone")
                .then().statusCode(405).contentType("application/problem+json");
    }
}
