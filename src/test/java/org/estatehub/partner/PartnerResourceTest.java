package org.estatehub.partner;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PartnerResourceTest {

    private static String freshId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> newPartner(String id) {
        return Map.of("id", id, "name", "University for the Creative Arts", "shortName", "UCA",
                "type", "UNIVERSITY", "localAuthority", "E07000106");
    }

    @Test
    void everyoneListsTheSeededPartnershipInStableOrder() {
        Api.as("maidstone.viewer")
                .get("/partners?limit=500")
                .then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(24))
                .body("items.id", hasItems("kcc", "maidstone", "dover", "kent-police", "kent-fire", "secamb",
                        "uni-kent", "uni-greenwich", "cccu", "kalc", "nhs-kent-medway"))
                .body("items.find { it.id == 'kcc' }.accountableBody", is(true))
                // Kent's twelve districts (other test classes add district councils of their own).
                .body("items.findAll { it.type == 'DISTRICT_COUNCIL' }.id", hasItems("ashford", "canterbury",
                        "dartford", "dover", "folkestone-hythe", "gravesham", "maidstone", "sevenoaks", "swale",
                        "thanet", "tonbridge-malling", "tunbridge-wells"));
    }

    @Test
    void listFiltersByTypeAndPages() {
        Api.as("police.viewer")
                .get("/partners?type=UNIVERSITY")
                .then()
                .statusCode(200)
                .body("items.type", everyItem(equalTo("UNIVERSITY")))
                .body("items.id", hasItems("uni-kent", "uni-greenwich", "cccu"));

        // Other test classes add district councils of their own to the shared test database, so the demo's
        // twelve are checked as members of the whole list, and the pages against that list.
        var all = Api.as("police.viewer").get("/partners?type=DISTRICT_COUNCIL&limit=500")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        var demoDistricts = java.util.List.of("ashford", "canterbury", "dartford", "dover", "folkestone-hythe",
                "gravesham", "maidstone", "sevenoaks", "swale", "thanet", "tonbridge-malling", "tunbridge-wells");
        org.junit.jupiter.api.Assertions.assertTrue(all.containsAll(demoDistricts), all.toString());
        var first = Api.as("police.viewer").get("/partners?type=DISTRICT_COUNCIL&limit=5&offset=0")
                .then().statusCode(200).body("items", hasSize(5)).body("total", equalTo(all.size()))
                .extract().jsonPath().getList("items.id", String.class);
        var third = Api.as("police.viewer").get("/partners?type=DISTRICT_COUNCIL&limit=5&offset=10")
                .then().statusCode(200).body("items", hasSize(Math.min(5, all.size() - 10))).body("limit", equalTo(5))
                .body("offset", equalTo(10))
                .extract().jsonPath().getList("items.id", String.class);
        org.junit.jupiter.api.Assertions.assertEquals("ashford", first.get(0));
        org.junit.jupiter.api.Assertions.assertEquals(all.subList(0, 5), first);
        org.junit.jupiter.api.Assertions.assertEquals(all.subList(10, Math.min(15, all.size())), third);
    }

    @Test
    void getOneWithETag() {
        Api.as("dover.editor")
                .get("/partners/maidstone")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("Maidstone Borough Council"))
                .body("type", equalTo("DISTRICT_COUNCIL"))
                .body("localAuthority", equalTo("E07000110"))
                .body("localAuthorityName", equalTo("Maidstone"));
    }

    @Test
    void unknownPartnerIs404Problem() {
        Api.as("dover.editor")
                .get("/partners/nowhere")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("nowhere"));
    }

    @Test
    void anonymousIs401Problem() {
        Api.anonymous()
                .get("/partners")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void forgedTokenIs401Problem() {
        Api.anonymous()
                .auth().oauth2("eyJhbGciOiJub25lIn0.eyJwYXJ0bmVyX2lkIjoia2NjIn0.")
                .get("/partners")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void partnerViewerCannotCreate() {
        String id = freshId();
        Api.as("maidstone.viewer")
                .body(newPartner(id))
                .post("/partners")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        Api.as("pmo.admin").get("/partners/" + id).then().statusCode(404);
    }

    @Test
    void partnerEditorAndServiceAccountCannotCreateEither() {
        Api.as("maidstone.editor").body(newPartner(freshId())).post("/partners").then().statusCode(403);
        Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET)
                .body(newPartner(freshId())).post("/partners").then().statusCode(403);
    }

    @Test
    void pmoAdminCreatesAndEveryoneReadsIt() {
        String id = freshId();
        Api.as("pmo.admin")
                .body(newPartner(id))
                .post("/partners")
                .then()
                .statusCode(201)
                .header("Location", containsString("/partners/" + id))
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("accountableBody", is(false))
                .body("version", equalTo(0));

        Api.as("police.viewer").get("/partners/" + id).then().statusCode(200).body("shortName", equalTo("UCA"));
    }

    @Test
    void duplicateIdIs409Problem() {
        Api.as("pmo.admin")
                .body(newPartner("maidstone"))
                .post("/partners")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("maidstone"));
    }

    @Test
    void updateNeedsTheCurrentETag() {
        String id = freshId();
        Api.as("pmo.admin").body(newPartner(id)).post("/partners").then().statusCode(201);
        Map<String, Object> update = Map.of("name", "University for the Creative Arts, Canterbury",
                "type", "UNIVERSITY", "localAuthority", "E07000106");

        Api.as("pmo.admin").body(update).put("/partners/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        Api.as("pmo.admin").header("If-Match", "\"7\"").body(update).put("/partners/" + id)
                .then().statusCode(412).contentType("application/problem+json");

        Api.as("pmo.admin").header("If-Match", "\"0\"").body(update).put("/partners/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("University for the Creative Arts, Canterbury"))
                .body("shortName", org.hamcrest.Matchers.nullValue());

        // The same stale ETag again: someone else's change must not be overwritten.
        Api.as("pmo.admin").header("If-Match", "\"0\"").body(update).put("/partners/" + id)
                .then().statusCode(412);
    }

    @Test
    void onlyPmoAdminUpdates() {
        Map<String, Object> update = Map.of("name", "Hijacked", "type", "DISTRICT_COUNCIL");
        Api.as("maidstone.editor").header("If-Match", "*").body(update).put("/partners/maidstone")
                .then().statusCode(403);
        Api.as("pmo.admin").get("/partners/maidstone").then().body("name", equalTo("Maidstone Borough Council"));
    }

    @Test
    void demoPartnersNameTheirAuthorities() {
        Api.as("dover.editor").get("/partners/kcc").then().statusCode(200)
                .body("localAuthority", equalTo("E10000016")).body("localAuthorityName", equalTo("Kent"));
        Api.as("dover.editor").get("/partners/medway").then().statusCode(200)
                .body("localAuthority", equalTo("E06000035")).body("localAuthorityName", equalTo("Medway"));
        // Outside Kent: the ambulance service's headquarters in Crawley (West Sussex).
        Api.as("dover.editor").get("/partners/secamb").then().statusCode(200)
                .body("localAuthority", equalTo("E07000226")).body("localAuthorityName", equalTo("Crawley"));
        // Serves the whole county and Medway: no authority, and no name either.
        Api.as("dover.editor").get("/partners/nhs-kent-medway").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("localAuthority")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("localAuthorityName")));
    }

    @Test
    void aPartnerMaySitAnywhereInTheUkButNotInAnUnknownOrFormerAuthority() {
        String id = freshId();
        // Police Scotland's headquarters authority: any current UK authority will do.
        Api.as("pmo.admin").body(Map.of("id", id, "name", "Scottish partner", "type", "POLICE",
                "localAuthority", "S12000030")).post("/partners").then().statusCode(201)
                .body("localAuthority", equalTo("S12000030")).body("localAuthorityName", equalTo("Stirling"));

        String unknown = freshId();
        Api.badRequestAs("pmo.admin").contentType("application/json").body(Map.of("id", unknown, "name", "Nowhere", "type", "OTHER",
                "localAuthority", "E07999999")).post("/partners").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("localAuthority"))
                .body("errors[0].message", containsString("E07999999"));
        // Aylesbury Vale was replaced by Buckinghamshire in 2020: the answer names the successor.
        Api.badRequestAs("pmo.admin").contentType("application/json").body(Map.of("id", unknown, "name", "Nowhere", "type", "OTHER",
                "localAuthority", "E07000004")).post("/partners").then().statusCode(400)
                .body("errors[0].field", equalTo("localAuthority"))
                .body("errors[0].message", containsString("E06000060"));
        Api.as("pmo.admin").get("/partners/" + unknown).then().statusCode(404);

        Api.as("pmo.admin").header("If-Match", "\"0\"").body(Map.of("name", "Scottish partner", "type", "POLICE",
                "localAuthority", "E07000004")).put("/partners/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("localAuthority"));
        Api.as("pmo.admin").get("/partners/" + id).then().body("localAuthority", equalTo("S12000030"))
                .body("version", equalTo(0));
    }

    @Test
    void updatingAnUnknownPartnerIs404() {
        Api.as("pmo.admin").header("If-Match", "\"0\"")
                .body(Map.of("name", "X", "type", "OTHER"))
                .put("/partners/nowhere")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
