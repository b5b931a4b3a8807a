package org.estatehub.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.Keycloak;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * X-Content-Type-Options: nosniff on every answer, whoever writes it, and Cache-Control: no-store on
 * every answer outside /q (every operation's, its problems included); /q keeps Quarkus' own caching.
 */
@QuarkusTest
class StandardHeadersTest {

    /** What a test needs of an answer: its status and its headers by name. */
    private record Answer(int statusCode, Map<String, String> headers) {
        static Answer of(Response response) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().forEach(h -> headers.putIfAbsent(h.getName(), h.getValue()));
            return new Answer(response.statusCode(), headers);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    private record Exchange(String what, Answer response, int status) {
        Exchange(String what, Response response, int status) {
            this(what, Answer.of(response), status);
        }
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
        answers.add(new Exchange("413 by Content-Length", headersOnly("POST /partners", 1_100_000), 413));
        answers.add(new Exchange("415", given().auth().oauth2(token()).contentType(ContentType.TEXT)
                .body("x").post("/partners"), 415));
        answers.add(new Exchange("500 problem", given().get("/test-support/failure"), 500));
        answers.add(new Exchange("503 from the Vert.x error handler", given().get("/test-support/route-failure"), 503));
        return answers;
    }

    /**
     * Sends a request's headers announcing a body of `contentLength` bytes, and no body: the limit is judged by
     * Content-Length alone, before any body arrives. (Sending the 1.1 MB body made the test flaky: the server
     * answers 413 and closes while the client is still writing, and the client then failed with a broken pipe.)
     */
    private static Answer headersOnly(String requestLine, int contentLength) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String statusLine = in.readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
            return new Answer(status, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
