package org.estatehub.common.http;

import static io.restassured.RestAssured.given;
import static org.estatehub.testing.AssetFixtures.asset;
import static org.estatehub.testing.AssetFixtures.createId;
import static org.estatehub.testing.AssetFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.estatehub.testing.Api;
import org.estatehub.testing.Contract;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * CORS for browser apps on other origins, with two origins listed as an operator would list them in
 * ESTATEHUB_CORS_ORIGINS (the test profile's quarkus.http.cors.origins): every operation of the contract
 * can be preflighted from a listed origin with the headers it needs, real answers to a listed origin let
 * scripts read ETag and the rest, and any other origin (lookalikes included) or no origin gets no
 * Access-Control-* header at all.
 * e2e/spa-cors.test.mjs proves the same in Chromium.
 */
@QuarkusTest
class CorsTest {

    /** The origins %test.quarkus.http.cors.origins lists. */
    static final String SPA = "http://localhost:5173";
    static final String COUNCIL_SPA = "https://estates.example.gov.uk";

    private static final List<String> EXPOSED_TO_SCRIPTS = List.of("ETag", "Location", "X-Request-Id",
            "Idempotent-Replayed", "Retry-After", "RateLimit", "RateLimit-Policy");

    /** Origins a browser may send that are not listed: near misses of a listed one, and others. */
    private static final List<String> UNLISTED = List.of("http://localhost:5174", "http://localhost:5173.evil.example",
            "http://localhost:51730", "https://localhost:5173", "http://127.0.0.1:5173", "http://evil.example",
            "https://estates.example.gov.uk.evil.example", "null");

    private record ContractOperation(String method, String path, Operation operation) {
        /** The path with every {parameter} filled in: preflights are answered before any routing. */
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", "8a0c7c1e-62a7-4d59-9d35-0d0e2a5b7c11");
        }

        /** What a browser would put in Access-Control-Request-Headers for this operation: lower case, sorted. */
        String requestedHeaders(PathItem item) {
            Set<String> headers = new TreeSet<>(List.of("authorization", "x-request-id"));
            if (operation.getRequestBody() != null) {
                headers.add("content-type");
            }
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) {
                parameters.addAll(item.getParameters());
            }
            if (operation.getParameters() != null) {
                parameters.addAll(operation.getParameters());
            }
            for (Parameter parameter : parameters) {
                if ("header".equals(parameter.getIn())) {
                    headers.add(parameter.getName().toLowerCase(Locale.ROOT));
                }
            }
            return String.join(",", headers);
        }
    }

    private static OpenAPI contract() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().readContents(Files.readString(Contract.SPEC), null, options).getOpenAPI();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationOfTheContractCanBePreflightedFromAListedOrigin() throws IOException {
        OpenAPI contract = contract();
        List<DynamicTest> tests = new ArrayList<>();
        contract.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ContractOperation op = new ContractOperation(method.name(), path, operation);
            String requested = op.requestedHeaders(item);
            tests.add(DynamicTest.dynamicTest(op.method() + " " + path + " [" + requested + "]", () -> {
                Response answer = preflight(SPA, op.method(), op.concretePath(), requested);
                assertEquals(200, answer.statusCode(), answer.headers().toString());
                assertEquals(SPA, answer.header("Access-Control-Allow-Origin"));
                assertTrue(listed(answer.header("Access-Control-Allow-Methods")).contains(op.method()),
                        "Allow-Methods " + answer.header("Access-Control-Allow-Methods"));
                Set<String> allowed = listedLowerCase(answer.header("Access-Control-Allow-Headers"));
                for (String header : requested.split(",")) {
                    assertTrue(allowed.contains(header), header + " not in Allow-Headers " + allowed);
                }
                assertNotEquals("true", answer.header("Access-Control-Allow-Credentials"));
                assertEquals("3600", answer.header("Access-Control-Max-Age"));
                assertTrue(varies(answer).contains("origin"), "Vary " + varies(answer));
            }));
        }));
        assertTrue(tests.size() > 50, "operations found in the contract: " + tests.size());
        return tests.stream();
    }

    @Test
    void theOtherListedOriginIsAllowedToo() {
        Response answer = preflight(COUNCIL_SPA, "PUT", "/assets/x", "authorization,content-type,if-match");
        assertEquals(200, answer.statusCode());
        assertEquals(COUNCIL_SPA, answer.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aListedOriginsScriptsMayReadTheHeadersTheyNeedOnReadsAndUpdates() {
        Response me = Api.as("maidstone.editor").header("Origin", SPA).get("/me");
        me.then().statusCode(200);
        assertCorsAnswerFor(SPA, me);

        String id = createId("maidstone.editor", asset("Browser app office", 51.27, 0.52));
        Response read = Api.as("maidstone.editor").header("Origin", SPA).get("/assets/" + id);
        read.then().statusCode(200);
        assertCorsAnswerFor(SPA, read);
        String etag = read.header("ETag");
        assertNotNull(etag);

        Response updated = Api.as("maidstone.editor").header("Origin", SPA).header("If-Match", etag)
                .body(with(asset("Browser app office", 51.27, 0.52), "status", "UNDER_UTILISED")).put("/assets/" + id);
        updated.then().statusCode(200);
        assertCorsAnswerFor(SPA, updated);
        assertNotEquals(etag, updated.header("ETag"));

        // An answer the API refuses (a stale ETag) reaches the script too, so it can show the problem.
        Response stale = Api.badRequestAs("maidstone.editor").header("Origin", SPA).header("If-Match", etag)
                .contentType("application/json").body(asset("Browser app office", 51.27, 0.52)).put("/assets/" + id);
        stale.then().statusCode(412).contentType("application/problem+json");
        assertCorsAnswerFor(SPA, stale);
    }

    @Test
    void aCreationsLocationIsExposed() {
        Response created = Api.as("maidstone.editor").header("Origin", COUNCIL_SPA)
                .body(asset("Created from a browser", 51.27, 0.52)).post("/assets");
        created.then().statusCode(201);
        assertNotNull(created.header("Location"));
        assertCorsAnswerFor(COUNCIL_SPA, created);
    }

    @TestFactory
    Stream<DynamicTest> anUnlistedOriginGetsNoCorsHeaderOnPreflightOrRealRequest() {
        Response plainOptions = given().header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match").options("/assets/x");
        return UNLISTED.stream().map(origin -> DynamicTest.dynamicTest(origin, () -> {
            Response preflight = preflight(origin, "PUT", "/assets/x", "authorization,content-type,if-match");
            assertNoCorsHeaders(preflight);
            // Answered as if there were no Origin at all: the Fetch protocol's refusal, not a new error.
            assertEquals(plainOptions.statusCode(), preflight.statusCode());

            Response me = Api.as("maidstone.editor").header("Origin", origin).get("/me");
            me.then().statusCode(200);
            assertNoCorsHeaders(me);

            Response anonymous = Api.anonymous().header("Origin", origin).get("/me");
            anonymous.then().statusCode(401);
            assertNoCorsHeaders(anonymous);
        }));
    }

    @Test
    void requestsWithoutOriginOrFromTheApisOwnOriginAreServedAsBefore() {
        Response noOrigin = Api.as("maidstone.editor").get("/me");
        noOrigin.then().statusCode(200);
        assertNoCorsHeaders(noOrigin);
        // Once origins are listed, answers differ by Origin: a cache must know.
        assertTrue(varies(noOrigin).contains("origin"), "Vary " + varies(noOrigin));

        // Swagger UI's own POSTs carry the API's origin; they need no CORS and get none.
        String own = "http://localhost:" + RestAssured.port;
        Response sameOrigin = Api.as("maidstone.editor").header("Origin", own).body(asset("Same origin", 51.27, 0.52))
                .post("/assets");
        sameOrigin.then().statusCode(201);
        assertNoCorsHeaders(sameOrigin);
    }

    private static Response preflight(String origin, String method, String path, String requestedHeaders) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", requestedHeaders).options(path);
    }

    private static void assertCorsAnswerFor(String origin, Response answer) {
        assertEquals(origin, answer.header("Access-Control-Allow-Origin"), answer.headers().toString());
        assertNotEquals("true", answer.header("Access-Control-Allow-Credentials"));
        Set<String> exposed = listedLowerCase(answer.header("Access-Control-Expose-Headers"));
        for (String header : EXPOSED_TO_SCRIPTS) {
            assertTrue(exposed.contains(header.toLowerCase(Locale.ROOT)), header + " not exposed: " + exposed);
        }
        assertTrue(varies(answer).contains("origin"), "Vary " + varies(answer));
    }

    private static void assertNoCorsHeaders(Response answer) {
        List<String> cors = answer.headers().asList().stream().map(io.restassured.http.Header::getName)
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-")).toList();
        assertEquals(List.of(), cors, answer.statusCode() + " " + answer.headers());
        assertFalse(answer.headers().hasHeaderWithName("Access-Control-Allow-Origin"));
    }

    /** Every name of every Vary header, lower case. */
    private static Set<String> varies(Response answer) {
        return listedLowerCase(String.join(",", answer.headers().getValues("Vary")));
    }

    private static List<String> listed(String header) {
        return header == null ? List.of() : Arrays.stream(header.split(",")).map(String::trim).toList();
    }

    private static Set<String> listedLowerCase(String header) {
        Set<String> names = new TreeSet<>();
        listed(header).forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        return names;
    }
}
