package org.estatehub.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Real access tokens from the real Keycloak realm (started by scripts/keycloak.sh with the demo overlay):
 * users by password grant through the test client, partner systems by client credentials. A token names
 * its partner by the caller's Keycloak organization (the `organization` claim, the organization's alias),
 * as every token of the realm does; none carries a hand-set partner attribute.
 *
 * <p>A token is reused until a minute before it expires (the realm's access tokens last 5 minutes): the
 * suite runs longer than that on a loaded machine, and a token kept for the whole JVM then answered 401.
 */
public final class Keycloak {

    public static final String REALM_URL = System.getenv().getOrDefault("ESTATEHUB_OIDC_URL",
            "http://localhost:8180/realms/estatehub");
    public static final String DEMO_PASSWORD = "demo";
    /**
     * The scope that has Keycloak list every organization the caller belongs to: with the plain
     * `organization` scope (a default scope of every client) a member of two organizations gets no claim
     * at all, which the API could not tell from a member of none. Swagger UI asks for it too.
     */
    public static final String ALL_ORGANIZATIONS = "organization:*";

    /** Reuse stops this long before a token's expiry, so no request carries one that expires in flight. */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String value, Instant refreshAfter) {
    }

    private Keycloak() {
    }

    public static String userToken(String username) {
        return cached("user:" + username, Map.of(
                "grant_type", "password",
                "client_id", "estatehub-cli",
                "username", username,
                "password", DEMO_PASSWORD,
                "scope", "openid " + ALL_ORGANIZATIONS));
    }

    public static String clientToken(String clientId, String secret) {
        return cached("client:" + clientId, Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", secret,
                "scope", ALL_ORGANIZATIONS));
    }

    /** The claims of a token (its payload, not verified: the API verifies; tests only read them). */
    public static JsonPath claims(String token) {
        String payload = token.split("\\.")[1];
        return new JsonPath(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static String cached(String key, Map<String, String> form) {
        return TOKENS.compute(key, (k, held) -> held != null && Instant.now().isBefore(held.refreshAfter()) ? held
                : token(form)).value();
    }

    private static Token token(Map<String, String> form) {
        Instant asked = Instant.now();
        JsonPath answer = given()
                .contentType(ContentType.URLENC)
                .formParams(form)
                .post(REALM_URL + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract().jsonPath();
        Instant expires = asked.plusSeconds(answer.getLong("expires_in"));
        return new Token(answer.getString("access_token"), expires.minus(MARGIN));
    }
}
