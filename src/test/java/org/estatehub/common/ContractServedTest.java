package org.estatehub.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;

import org.estatehub.testing.Contract;
import org.estatehub.testing.Keycloak;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** /q/openapi serves the hand-written contract in openapi/, and Swagger UI shows it. */
@QuarkusTest
class ContractServedTest {

    @Test
    void openapiServesTheContract() throws Exception {
        String contract = Files.readString(Contract.SPEC);
        org.junit.jupiter.api.Assertions.assertTrue(contract.contains("operationId: getMe"));
        given().accept("application/json").get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("EstateHub API"))
                .body("paths.'/me'.get.operationId", equalTo("getMe"))
                .body("paths.'/partners'.post.operationId", equalTo("createPartner"))
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                .body("components.schemas.Problem", notNullValue())
                // Swagger UI sends browsers to the Keycloak this deployment uses (KeycloakUrlsFilter)
                .body("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl",
                        equalTo(Keycloak.REALM_URL + "/protocol/openid-connect/auth"))
                .body("components.securitySchemes.keycloak.flows.authorizationCode.tokenUrl",
                        equalTo(Keycloak.REALM_URL + "/protocol/openid-connect/token"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
    }
}
