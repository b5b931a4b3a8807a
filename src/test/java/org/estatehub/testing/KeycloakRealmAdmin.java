package org.estatehub.testing;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The realm as Keycloak's own administrator (master realm `admin`, as scripts/keycloak.sh sets it up) sees
 * it, straight to Keycloak and not through the service's proxy: tests read what onboarding did there and
 * make mismatches on purpose (an organization deleted, a user created).
 */
public final class KeycloakRealmAdmin {

    private static final URI REALM = URI.create(Keycloak.REALM_URL);
    public static final String BASE = REALM.getScheme() + "://" + REALM.getAuthority();
    public static final String ADMIN = BASE + "/admin" + REALM.getPath();

    private KeycloakRealmAdmin() {
    }

    public static RequestSpecification admin() {
        String token = given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", System.getenv().getOrDefault("KEYCLOAK_ADMIN_USER", "admin"),
                        "password", System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin")))
                .post(BASE + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().baseUri(ADMIN).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** The organization with this alias, as Keycloak has it. */
    public static Optional<JsonPath> organization(String alias) {
        List<Map<String, Object>> all = admin().get("/organizations?briefRepresentation=false&max=1000")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(o -> alias.equals(o.get("alias"))).findFirst()
                .map(o -> admin().get("/organizations/" + o.get("id")).then().statusCode(200).extract().jsonPath());
    }

    /** A fresh enabled user with this username and email; answers the user id. */
    public static String createUser(String username, String email) {
        String location = admin().body(Map.of("username", username, "email", email, "enabled", true,
                "emailVerified", true, "firstName", "Test", "lastName", username))
                .post("/users").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public static List<String> realmRoles(String userId) {
        return admin().get("/users/" + userId + "/role-mappings/realm").then().statusCode(200).extract()
                .jsonPath().getList("name");
    }

    /**
     * POST /identity/consistency/repairs as pmo.admin, waiting up to 10 minutes: Keycloak outlives the
     * test database, so the first repair of a run deletes every organization earlier runs left behind,
     * which on a loaded machine takes longer than the test client's usual 30 s.
     */
    public static io.restassured.response.Response repairAll() {
        return Api.as("pmo.admin").config(io.restassured.RestAssured.config().httpClient(
                io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 600_000)))
                .post("/identity/consistency/repairs");
    }

    /** The realm's SMTP server (Keycloak sends invitation emails through it). */
    public static void smtp(String host, int port) {
        admin().body(Map.of("smtpServer", Map.of("host", host, "port", Integer.toString(port),
                "from", "estatehub@estatehub.example", "fromDisplayName", "EstateHub")))
                .put("").then().statusCode(204);
    }
}
