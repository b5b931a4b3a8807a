package org.estatehub.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.estatehub.testing.Contract;
import org.estatehub.testing.Keycloak;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every path of the contract, with every method it does not declare: 405 problem+json whose Allow names
 * exactly the path's methods (plus HEAD beside GET and OPTIONS, which the server really answers, as the
 * last test checks).
 */
@QuarkusTest
class MethodNotAllowedTest {

    private static final List<String> METHODS = List.of("GET", "PUT", "POST", "PATCH", "DELETE");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "patch", "delete", "head",
            "options", "trace");

    /** Contract path -> its declared methods, read from openapi/estatehub.yaml itself. */
    private static Map<String, List<String>> contractPaths() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Contract.SPEC));
        Map<String, List<String>> paths = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            List<String> methods = new ArrayList<>();
            path.getValue().fieldNames().forEachRemaining(name -> {
                if (HTTP_METHODS.contains(name)) {
                    methods.add(name.toUpperCase());
                }
            });
            paths.put(path.getKey(), methods);
        }
        return paths;
    }

    /** A concrete path for a template; the value of a variable does not matter for 405. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}/]+}", "00000000-0000-0000-0000-000000000001");
    }

    private static List<String> expectedAllow(List<String> declared) {
        List<String> allow = new ArrayList<>(declared);
        if (declared.contains("GET")) {
            allow.add("HEAD");
        }
        allow.add("OPTIONS");
        return allow;
    }

    @Test
    void everyUndeclaredMethodOfEveryPathIs405WithAllow() throws IOException {
        String token = Keycloak.userToken("pmo.admin");
        int checked = 0;
        for (Map.Entry<String, List<String>> path : contractPaths().entrySet()) {
            for (String method : METHODS) {
                if (path.getValue().contains(method)) {
                    continue;
                }
                String what = method + " " + path.getKey();
                Response answer = given().auth().oauth2(token).contentType("application/json").body("{}")
                        .request(method, concrete(path.getKey()));
                assertEquals(405, answer.statusCode(), what);
                assertEquals("application/problem+json", answer.contentType(), what);
                List<String> allow = List.of(answer.header("Allow").split(",\\s*"));
                assertEquals(expectedAllow(path.getValue()), allow, what);
                assertEquals("https://estatehub.example/problems/method-not-allowed", answer.path("type"), what);
                assertEquals("Method Not Allowed", answer.path("title"), what);
                assertEquals(Integer.valueOf(405), answer.path("status"), what);
                assertEquals(method + " is not allowed on " + path.getKey() + "; allowed: "
                        + String.join(", ", allow) + ".", answer.path("detail"), what);
                assertEquals("nosniff", answer.header("X-Content-Type-Options"), what);
                assertEquals("no-store", answer.header("Cache-Control"), what);
                assertTrue(answer.header("RateLimit") != null, what);
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void withoutATokenToo() {
        given().delete("/assets").then().statusCode(405).header("Allow", "GET, POST, HEAD, OPTIONS");
        // A literal path wins over a template, as in OpenAPI: PUT /assets/export is not PUT /assets/{id}.
        given().put("/assets/export").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void theContractFilterDoesNotApplyToAMethodThePathLacks() {
        // RESPONSES validates answers of declared operations; an undeclared method has none to check against.
        given().filter(Contract.RESPONSES).delete("/assets").then().statusCode(405);
    }

    @Test
    void headAndOptionsAreReallyAnswered() throws IOException {
        String token = Keycloak.userToken("pmo.admin");
        for (Map.Entry<String, List<String>> path : contractPaths().entrySet()) {
            String concrete = concrete(path.getKey());
            int options = given().auth().oauth2(token).options(concrete).statusCode();
            assertTrue(options < 400 || options == 401, "OPTIONS " + path.getKey() + ": " + options);
            int head = given().auth().oauth2(token).head(concrete).statusCode();
            if (path.getValue().contains("GET")) {
                assertNotEquals(405, head, "HEAD " + path.getKey());
            } else {
                assertEquals(405, head, "HEAD " + path.getKey());
            }
        }
    }
}
