package org.estatehub.mou;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.time.LocalDate;
import java.util.Map;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** MOU life cycle, who reads them, and the coverage report over the demo partnership. */
@QuarkusTest
class MouTest {

    private static io.restassured.response.ValidatableResponse change(String mou, String etag, Map<String, Object> body) {
        return Api.as("pmo.admin").header("If-Match", etag).body(body).post("/mous/" + mou + "/status-changes").then();
    }

    @Test
    void coverageListsMissingExpiringAndExpired() {
        // The report's date is England's (PartnershipCalendar), not the JVM's default zone's.
        String today = LocalDate.now(org.estatehub.common.time.PartnershipCalendar.ZONE).toString();
        var items = Api.as("s151.officer").get("/mous/coverage?withinDays=90").then().statusCode(200)
                .body("asOf", equalTo(today)).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals("EXPIRING", items.getString("items.find { it.partnerId == 'ashford' }.state"));
        org.junit.jupiter.api.Assertions.assertEquals("EXPIRED", items.getString("items.find { it.partnerId == 'swale' }.state"));
        org.junit.jupiter.api.Assertions.assertEquals("NOT_SIGNED",
                items.getString("items.find { it.partnerId == 'tunbridge-wells' }.state"));
        org.junit.jupiter.api.Assertions.assertEquals(null, items.getString("items.find { it.partnerId == 'dover' }"),
                "covered partners are left out by default");
        Api.as("board.member").get("/mous/coverage?includeCovered=true").then().statusCode(200)
                .body("items.find { it.partnerId == 'dover' }.state", equalTo("COVERED"));
        Api.as("pmo.admin").get("/mous/coverage?scope=ALL").then().statusCode(200)
                .body("items.find { it.partnerId == 'kalc' }.state", equalTo("MISSING"));
        Api.as("maidstone.editor").get("/mous/coverage").then().statusCode(403);
    }

    @Test
    void lifeCycleAllowedAndRefused() {
        String mou = Api.as("pmo.admin").body(Map.of("partnerId", "kalc", "documentReference", "KEP-MOU-KALC"))
                .post("/mous").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        Api.as("pmo.admin").body(Map.of("partnerId", "kalc")).post("/mous").then().statusCode(409);
        String today = LocalDate.now().toString();
        Map<String, Object> sign = Map.of("toStatus", "SIGNED", "on", today, "signatory", "Chair, KALC",
                "expiresOn", LocalDate.now().plusYears(2).toString());
        change(mou, "\"0\"", sign).statusCode(409);
        change(mou, "\"0\"", Map.of("toStatus", "ISSUED", "on", LocalDate.now().plusDays(3).toString())).statusCode(400);
        change(mou, "\"0\"", Map.of("toStatus", "ISSUED", "on", today)).statusCode(200).body("status", equalTo("ISSUED"));
        change(mou, "\"1\"", Map.of("toStatus", "SIGNED", "on", today, "signatory", "Chair, KALC",
                "expiresOn", today)).statusCode(400).body("errors[0].field", equalTo("expiresOn"));
        change(mou, "\"1\"", sign).statusCode(200).body("status", equalTo("SIGNED"))
                .body("documentReference", equalTo("KEP-MOU-KALC")).body("signatory", equalTo("Chair, KALC"));
        change(mou, "\"2\"", Map.of("toStatus", "ISSUED", "on", today)).statusCode(409);
        change(mou, "\"2\"", Map.of("toStatus", "TERMINATED", "on", today)).statusCode(400);
        change(mou, "\"2\"", Map.of("toStatus", "TERMINATED", "on", today, "reason", "Partnership left"))
                .statusCode(200).body("status", equalTo("TERMINATED"));
        change(mou, "\"3\"", Map.of("toStatus", "TERMINATED", "on", today, "reason", "again")).statusCode(409);
        Api.as("pmo.admin").body(Map.of("partnerId", "kalc")).post("/mous").then().statusCode(201);
    }

    @Test
    void whoReadsAndManagesMous() {
        Api.as("maidstone.editor").body(Map.of("partnerId", "maidstone")).post("/mous").then().statusCode(403);
        var own = Api.as("maidstone.viewer").get("/mous").then().statusCode(200)
                .body("items.partnerId", everyItem(equalTo("maidstone"))).extract().jsonPath();
        String maidstoneMou = own.getString("items[0].id");
        Api.as("maidstone.viewer").get("/mous/" + maidstoneMou).then().statusCode(200);
        Api.as("dover.editor").get("/mous/" + maidstoneMou).then().statusCode(404);
        Api.as("dover.editor").get("/mous?partner=maidstone").then().statusCode(200).body("total", equalTo(0));
        Api.as("board.member").get("/mous?status=EXPIRED").then().statusCode(200)
                .body("items.partnerId", org.hamcrest.Matchers.hasItem("swale"))
                .body("items.status", everyItem(equalTo("EXPIRED")));
        Api.as("pmo.admin").get("/mous/" + maidstoneMou).then().statusCode(200)
                .body("status", equalTo("SIGNED")).body("signatory", containsString("Maidstone"));
    }
}
