package org.estatehub.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.Keycloak;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * X-Content-Type-Options: nosniff on every answer, whoever writes it, and Cache-Control: no-store on
 * every answer outside /q (every operation's, its problems included); /q keeps Quarkus' own caching.
 */
@QuarkusTest
class StandardHeadersTest {

    private record Exchange(String what, Response response, int status) {
    }

    private static String token() {
        return Keycloak.userToken("maidstone.editor");
    }

    /** Answers of API operations and of the HTTP layer in front of them, with the status each must have. */
    private static List<Exchange> apiAnswers() {
        List<Exchange> answers = new ArrayList<>();
        answers.add(new Exchange("200 of an operation", Api.as("maidstone.editor").get("/me"), 200));
        answers.add(new Exchange("201 of an operation", AssetFixtures.create("maidstone.editor",
                AssetFixtures.asset("Nosniff test site", 51.2720, 0.5230)), 201));
        answers.add(new Exchange("400 bad parameter", given().auth().oauth2(token()).get("/assets?limit=nope"), 400));
        answers.add(new Exchange("401 without token", given().get("/me"), 401));
        answers.add(new Exchange("401 bad token", given().auth().oauth2("bad").get("/assets"), 401));
        answers.add(new Exchange("403", Api.as("maidstone.viewer")
                .body(AssetFixtures.asset("Viewer may not", 51.2720, 0.5230)).post("/assets"), 403));
        answers.add(new Exchange("404 no such record", given().auth().oauth2(token())
                .get("/assets/00000000-0000-0000-0000-000000000000"), 404));
        answers.add(new Exchange("404 unknown path", given().auth().oauth2(token()).get("/no-such-path"), 404));
        answers.add(new Exchange("405", given().auth().oauth2(token()).delete("/me"), 405));
        answers.add(new Exchange("406", given().auth().oauth2(token()).accept("image/png").get("/me"), 406));
        answers.add(new Exchange("413 by Content-Length", given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + "x".repeat(1_100_000) + "\"}").post("/partners"), 413));
        answers.add(new Exchange("415", given().auth().oauth2(token()).contentType(ContentType.TEXT)
                .body("x").post("/partners"), 415));
        answers.add(new Exchange("500 problem", given().get("/test-support/failure"), 500));
        answers.add(new Exchange("503 from the Vert.x error handler", given().get("/test-support/route-failure"), 503));
        return answers;
    }

    @Test
    void everyApiAnswerIsNosniffAndNoStore() {
        for (Exchange answer : apiAnswers()) {
            assertEquals(answer.status(), answer.response().statusCode(), answer.what());
            assertEquals("nosniff", answer.response().header("X-Content-Type-Options"), answer.what());
            assertEquals("no-store", answer.response().header("Cache-Control"), answer.what());
        }
    }

    @Test
    void qEndpointsAreNosniffAndKeepTheirOwnCaching() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/openapi",
                "/q/swagger-ui/", "/q/swagger-ui/index.html", "/q/metrics", "/q/no-such-thing")) {
            Response response = given().get(path);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), path + " " + response.statusCode());
        }
        // The contract and Swagger UI are the same for everyone: no-store is not added to them (health
        // answers carry Quarkus' own no-store).
        for (String path : List.of("/q/openapi", "/q/swagger-ui/", "/q/swagger-ui/index.html")) {
            Response response = given().get(path);
            assertEquals(200, response.statusCode(), path);
            assertNotEquals("no-store", response.header("Cache-Control"), path);
        }
    }
}
