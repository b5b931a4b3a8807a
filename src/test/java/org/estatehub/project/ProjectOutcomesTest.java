package org.estatehub.project;

import static org.estatehub.testing.ProjectFixtures.createId;
import static org.estatehub.testing.ProjectFixtures.project;
import static org.estatehub.testing.ProjectFixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Outcome roll-ups over projects in which KALC takes part (no demo project does), and the list's
 * filters.
 */
@QuarkusTest
class ProjectOutcomesTest {

    private static Map<String, Object> outcomes(int homesT, int homesA, String receiptsT, String receiptsA,
            String landT, String landA) {
        return Map.of(
                "homes", Map.of("target", homesT, "actual", homesA),
                "jobs", Map.of("target", 10),
                "capitalReceipts", Map.of("target", Map.of("amount", receiptsT, "currency", "GBP"),
                        "actual", Map.of("amount", receiptsA, "currency", "GBP")),
                "landReleased", Map.of("target", landT, "actual", landA),
                "otherBenefits", List.of("Fewer journeys for residents"));
    }

    @Test
    void rollUpSumsTargetsAndActualsExactly() {
        String a = createId("pmo.admin", with(project("Roll-up A", "kalc"), "leadPartnerId", "swale",
                "localAuthority", "E07000113", "type", "LAND_RELEASE", "programmes", List.of("BLRF"),
                "outcomes", outcomes(120, 40, "1000000.10", "250000.20", "2.45", "0.80")));
        createId("pmo.admin", with(project("Roll-up B", "kalc"), "leadPartnerId", "thanet",
                "localAuthority", "E07000114", "type", "HOUSING_REGENERATION", "programmes", List.of("OPE", "LRF"),
                "outcomes", outcomes(30, 30, "0.20", "0.10", "0.05", "0.05")));
        String c = createId("pmo.admin", with(project("Roll-up C (withdrawn)", "kalc"), "leadPartnerId", "thanet",
                "localAuthority", "E07000114", "outcomes", outcomes(1000, 0, "5.00", "0.00", "9.00", "0.00")));
        String etag = Api.as("pmo.admin").get("/projects/" + c).then().extract().header("ETag");
        Api.as("pmo.admin").header("If-Match", etag).body(Map.of("toStage", "WITHDRAWN"))
                .post("/projects/" + c + "/stage-changes").then().statusCode(201);

        Api.as("dover.editor").get("/projects/outcomes?partner=kalc").then().statusCode(200)
                .body("projectCount", equalTo(2))
                .body("homes.target", equalTo(150)).body("homes.actual", equalTo(70))
                .body("jobs.target", equalTo(20)).body("jobs.actual", equalTo(0))
                .body("capitalReceipts.target.amount", equalTo("1000000.30"))
                .body("capitalReceipts.actual.amount", equalTo("250000.30"))
                .body("runningCostSavings.target.amount", equalTo("0.00"))
                .body("landReleased.target", equalTo("2.50"))
                .body("landReleased.actual", equalTo("0.85"));
        Api.as("dover.editor").get("/projects/outcomes?partner=kalc&stage=WITHDRAWN").then()
                .body("projectCount", equalTo(1)).body("homes.target", equalTo(1000));
        Api.as("dover.editor").get("/projects/outcomes?partner=kalc&programme=BLRF").then()
                .body("projectCount", equalTo(1)).body("landReleased.target", equalTo("2.45"));
        Api.as("dover.editor").get("/projects/outcomes?partner=kalc&localAuthority=E07000114").then()
                .body("projectCount", equalTo(1)).body("capitalReceipts.target.amount", equalTo("0.20"));

        Api.as("pmo.admin").get("/projects/" + a).then()
                .body("outcomes.capitalReceipts.target.amount", equalTo("1000000.10"))
                .body("outcomes.landReleased.actual", equalTo("0.80"))
                .body("outcomes.otherBenefits", contains("Fewer journeys for residents"));
    }

    @Test
    void listFiltersAndPaging() {
        String token = org.estatehub.testing.AssetFixtures.token();
        String a = createId("pmo.admin", with(project("Filter A " + token, "kalc"), "leadPartnerId", "swale",
                "localAuthority", "E07000113", "type", "LAND_RELEASE", "programmes", List.of("BLRF")));
        String b = createId("pmo.admin", with(project("Filter B " + token, "dover"), "leadPartnerId", "thanet",
                "localAuthority", "E07000114", "type", "CO_LOCATION", "programmes", List.of("OPE", "LRF"), "stage", "PIPELINE"));
        String c = createId("pmo.admin", with(project("Filter C " + token), "leadPartnerId", "dover",
                "localAuthority", "E07000108", "type", "LAND_RELEASE", "programmes", List.of("LRF")));

        java.util.function.Function<String, List<String>> ids = query -> Api.as("police.viewer")
                .get("/projects?q=" + token + query).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(a, b, c), ids.apply(""));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(a, c), ids.apply("&type=LAND_RELEASE"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(b), ids.apply("&stage=PIPELINE"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(c), ids.apply("&localAuthority=E07000108"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(b), ids.apply("&lead=thanet"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(b, c), ids.apply("&partner=dover"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(b, c), ids.apply("&programme=LRF"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(a), ids.apply("&programme=BLRF&partner=kalc"));
        Api.as("police.viewer").get("/projects?q=" + token + "&limit=2&offset=2").then()
                .body("total", equalTo(3)).body("items.id", contains(c));
        // A county's code finds its districts' projects; a project elsewhere in the UK is found by its own.
        String d = createId("pmo.admin", with(project("Filter D " + token), "leadPartnerId", "dover",
                "localAuthority", "E09000004", "type", "LAND_RELEASE", "programmes", List.of("LRF")));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(a, b, c), ids.apply("&localAuthority=E10000016"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(d), ids.apply("&localAuthority=E09000004"));
        Api.as("pmo.admin").get("/projects/" + d).then().statusCode(200)
                .body("localAuthority", equalTo("E09000004")).body("localAuthorityName", equalTo("Bexley"));
        Api.as("police.viewer").queryParam("q", "Filter D " + token).get("/projects").then().statusCode(200)
                .body("items[0].localAuthorityName", equalTo("Bexley"));
        Api.as("dover.editor").get("/projects/outcomes?localAuthority=E09000004&partner=dover&programme=LRF").then()
                .statusCode(200).body("projectCount", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        Api.badRequestAs("police.viewer").get("/projects?localAuthority=E07999999").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("localAuthority"));
        Api.badRequestAs("police.viewer").get("/projects?programme=EU").then().statusCode(400);
        Api.badRequestAs("police.viewer").get("/projects?limit=501").then().statusCode(400);
    }
}
