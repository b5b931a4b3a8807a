package org.estatehub.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request specifications for the API under test, each validated against the contract. */
public final class Api {

    public static final String MAIDSTONE_SYSTEM_SECRET = "maidstone-system-secret";
    public static final String KENT_POLICE_SYSTEM_SECRET = "kent-police-system-secret";

    static {
        // A failing assertion prints the exchange, so CI logs show what the service answered.
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    /** A demo user; requests and responses are validated against the contract. */
    public static RequestSpecification as(String username) {
        return given().filter(Contract.STRICT)
                .auth().oauth2(Keycloak.userToken(username))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A partner system's service account (client credentials). */
    public static RequestSpecification asSystem(String clientId, String secret) {
        return given().filter(Contract.STRICT)
                .auth().oauth2(Keycloak.clientToken(clientId, secret))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A demo user sending deliberately bad requests; only the responses are validated. */
    public static RequestSpecification badRequestAs(String username) {
        return given().filter(Contract.RESPONSES)
                .auth().oauth2(Keycloak.userToken(username));
    }

    /**
     * For multi-megabyte uploads, which the contract validator would spend minutes reading: only the
     * answer's status is checked against the contract. The same operation's answers are validated in
     * full in the tests with small files.
     */
    public static RequestSpecification bulkAs(String username) {
        return given().filter(Contract.STATUS).auth().oauth2(Keycloak.userToken(username));
    }

    /** No token at all; only the responses are validated. */
    public static RequestSpecification anonymous() {
        return given().filter(Contract.RESPONSES).accept(ContentType.JSON);
    }
}
