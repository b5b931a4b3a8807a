package org.estatehub.partner;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MeResourceTest {

    @Test
    void aUserSeesTheirOwnPartnerAndRoles() {
        Api.as("maidstone.editor")
                .get("/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("maidstone.editor"))
                .body("subjectType", equalTo("USER"))
                .body("partnerId", equalTo("maidstone"))
                .body("partner.name", equalTo("Maidstone Borough Council"))
                .body("roles", contains("partner-editor"));
    }

    @Test
    void anotherPartnersUserSeesTheirs() {
        Api.as("police.viewer")
                .get("/me")
                .then()
                .statusCode(200)
                .body("partnerId", equalTo("kent-police"))
                .body("partner.type", equalTo("POLICE"))
                .body("roles", contains("partner-viewer"));
    }

    @Test
    void theProgrammeOfficeBelongsToTheAccountableBody() {
        Api.as("pmo.admin")
                .get("/me")
                .then()
                .statusCode(200)
                .body("partnerId", equalTo("kcc"))
                .body("partner.accountableBody", equalTo(true))
                .body("roles", containsInAnyOrder("pmo-admin", "partner-editor"));
    }

    @Test
    void aServiceAccountIsMappedToItsPartner() {
        Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET)
                .get("/me")
                .then()
                .statusCode(200)
                .body("subjectType", equalTo("SERVICE_ACCOUNT"))
                .body("partnerId", equalTo("maidstone"))
                .body("roles", contains("partner-editor"));

        Api.asSystem("kent-police-system", Api.KENT_POLICE_SYSTEM_SECRET)
                .get("/me")
                .then()
                .statusCode(200)
                .body("subjectType", equalTo("SERVICE_ACCOUNT"))
                .body("partnerId", equalTo("kent-police"))
                .body("roles", contains("partner-viewer"));
    }

    @Test
    void anonymousIs401() {
        Api.anonymous().get("/me").then().statusCode(401).contentType("application/problem+json");
    }
}
