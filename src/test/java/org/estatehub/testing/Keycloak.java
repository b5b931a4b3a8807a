package org.estatehub.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;

/**
 * Real access tokens from the real Keycloak realm (started by scripts/keycloak.sh): users by password
 * grant through the test client, partner systems by client credentials.
 */
public final class Keycloak {

    public static final String REALM_URL = System.getenv().getOrDefault("ESTATEHUB_OIDC_URL",
            "http://localhost:8180/realms/estatehub");
    public static final String DEMO_PASSWORD = "demo";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Keycloak() {
    }

    public static String userToken(String username) {
        return TOKENS.computeIfAbsent("user:" + username, k -> token(Map.of(
                "grant_type", "password",
                "client_id", "estatehub-cli",
                "username", username,
                "password", DEMO_PASSWORD,
                "scope", "openid")));
    }

    public static String clientToken(String clientId, String secret) {
        return TOKENS.computeIfAbsent("client:" + clientId, k -> token(Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", secret)));
    }

    private static String token(Map<String, String> form) {
        return given()
                .contentType(ContentType.URLENC)
                .formParams(form)
                .post(REALM_URL + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract().path("access_token");
    }
}
