package org.estatehub.project;

import static org.estatehub.testing.ProjectFixtures.createId;
import static org.estatehub.testing.ProjectFixtures.project;
import static org.estatehub.testing.ProjectFixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Who reads and changes a project, with real tokens: Maidstone leads, KCC and Kent Police take part,
 * Dover is outside the project.
 */
@QuarkusTest
class ProjectRulesTest {

    private static String etag(String user, String path) {
        return Api.as(user).get(path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void detailsForTheInvolvedSummaryForEveryone() {
        String token = AssetFixtures.token();
        String id = createId("maidstone.editor", project("Hub " + token, "kcc", "kent-police"));

        Api.as("maidstone.viewer").get("/projects/" + id).then().statusCode(200)
                .body("leadPartnerId", equalTo("maidstone"))
                .body("participatingPartnerIds", contains("kcc", "kent-police"))
                .body("stage", equalTo("IDEA"));
        Api.as("kcc.editor").get("/projects/" + id).then().statusCode(200);
        Api.as("police.viewer").get("/projects/" + id).then().statusCode(200);
        Api.as("pmo.admin").get("/projects/" + id).then().statusCode(200);
        Api.as("board.member").get("/projects/" + id).then().statusCode(200);
        Api.as("s151.officer").get("/projects/" + id).then().statusCode(200);
        Api.as("dover.editor").get("/projects/" + id).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("GET /projects"));
        Api.as("dover.editor").get("/projects/" + id + "/stage-changes").then().statusCode(403);

        Api.as("dover.editor").get("/projects?q=" + token).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].leadPartnerId", equalTo("maidstone"))
                .body("items[0].ragStatus", equalTo("GREEN"));
        Api.as("dover.editor").get("/projects/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void onlyTheLeadsEditorsAndThePmoChangeAProject() {
        String id = createId("maidstone.editor", project("Edit rules", "kcc"));
        Map<String, Object> change = with(project("Edit rules v2", "kcc"), "rag",
                Map.of("status", "AMBER", "reason", "Planning delayed"));

        Api.as("kcc.editor").header("If-Match", "\"0\"").body(change).put("/projects/" + id).then().statusCode(403);
        Api.as("maidstone.viewer").header("If-Match", "\"0\"").body(change).put("/projects/" + id).then().statusCode(403);
        Api.as("dover.editor").header("If-Match", "\"0\"").body(change).put("/projects/" + id).then().statusCode(403);
        Api.as("maidstone.editor").body(change).put("/projects/" + id).then().statusCode(428);
        Api.as("maidstone.editor").header("If-Match", "\"9\"").body(change).put("/projects/" + id).then().statusCode(412);
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(change).put("/projects/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Edit rules v2"))
                .body("rag.status", equalTo("AMBER"))
                .body("rag.reason", equalTo("Planning delayed"));
        Api.as("maidstone.editor").header("If-Match", "\"1\"").body(with(change, "leadPartnerId", "kcc"))
                .put("/projects/" + id).then().statusCode(403);
        Api.as("pmo.admin").header("If-Match", "\"1\"")
                .body(with(change, "leadPartnerId", "kcc", "participatingPartnerIds", List.of("maidstone")))
                .put("/projects/" + id).then().statusCode(200).body("leadPartnerId", equalTo("kcc"));
        // Maidstone is now a participant: it reads but no longer edits.
        Api.as("maidstone.editor").get("/projects/" + id).then().statusCode(200);
        Api.as("maidstone.editor").header("If-Match", "\"2\"").body(change).put("/projects/" + id).then().statusCode(403);
        Api.as("maidstone.editor").header("If-Match", "\"2\"").body(with(change, "stage", "DELIVERY"))
                .put("/projects/" + id).then().statusCode(403);
    }

    @Test
    void whoStartsProjectsAndForWhom() {
        Api.as("maidstone.viewer").body(project("Viewer")).post("/projects").then().statusCode(403);
        Api.as("maidstone.editor").body(with(project("For Dover"), "leadPartnerId", "dover")).post("/projects")
                .then().statusCode(403);
        Api.as("pmo.admin").body(with(project("PMO for Dover"), "leadPartnerId", "dover")).post("/projects")
                .then().statusCode(201).body("leadPartnerId", equalTo("dover"));
        Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET).body(with(project("From a system"), "stage", "PIPELINE"))
                .post("/projects").then().statusCode(201).body("leadPartnerId", equalTo("maidstone"))
                .body("stage", equalTo("PIPELINE"));
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(project("Born delivered"), "stage", "DELIVERY")).post("/projects")
                .then().statusCode(400).body("errors.field", hasItem("stage"));
    }

    @Test
    void validation() {
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(project("Red without reason"), "rag", Map.of("status", "RED"))).post("/projects")
                .then().statusCode(400).body("errors.field", hasItem("rag.reason"));
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(project("Lead as participant", "maidstone", "atlantis")).post("/projects")
                .then().statusCode(400)
                .body("errors.field", contains("participatingPartnerIds[0]", "participatingPartnerIds[1]"));
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(project("Bad outcomes"), "outcomes", Map.of("homes", Map.of("target", -1),
                        "landReleased", Map.of("target", "1.234")))).post("/projects")
                .then().statusCode(400).body("errors.field", hasItem("outcomes.homes.target"))
                .body("errors.field", hasItem("outcomes.landReleased.target"));
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(project("Bad type"), "type", "CASINO")).post("/projects").then().statusCode(400);
    }

    @Test
    void linkedAssetsMustBeVisibleToTheCaller() {
        String own = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Own site", 51.27, 0.52));
        String othersHidden = AssetFixtures.createId("dover.editor", AssetFixtures.with(
                AssetFixtures.asset("Dover's private site", 51.12, 1.31), "visibility", "OWNER_ONLY"));
        String othersShared = AssetFixtures.createId("dover.editor", AssetFixtures.asset("Dover's shared site", 51.12, 1.31));

        String id = createId("maidstone.editor", with(project("Linked"), "assetIds", List.of(own, othersShared)));
        Api.as("maidstone.editor").get("/projects/" + id).then().body("assetIds", hasSize(2));
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(project("Hidden link"), "assetIds", List.of(own, othersHidden))).post("/projects")
                .then().statusCode(400).body("errors[0].field", equalTo("assetIds[1]"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("no asset"));
    }

    @Test
    void milestonesOwnedByAParticipantAreUpdatedByItsEditors() {
        String id = createId("maidstone.editor", project("Milestones", "kcc", "kent-police"));

        var created = Api.as("maidstone.editor")
                .body(Map.of("name", "Feasibility study", "dueOn", "2030-06-30", "ownerPartnerId", "kcc"))
                .post("/projects/" + id + "/milestones").then().statusCode(201)
                .body("state", equalTo("DUE")).body("ownerPartnerId", equalTo("kcc"))
                .extract().jsonPath();
        String milestone = "/projects/" + id + "/milestones/" + created.getString("id");
        Api.as("kcc.editor").body(Map.of("name", "x", "dueOn", "2030-01-01")).post("/projects/" + id + "/milestones")
                .then().statusCode(403);
        Api.as("maidstone.editor").body(Map.of("name", "For Dover", "dueOn", "2030-01-01", "ownerPartnerId", "dover"))
                .post("/projects/" + id + "/milestones").then().statusCode(400);

        Map<String, Object> done = Map.of("name", "Feasibility study", "dueOn", "2030-06-30", "completedOn", "2024-05-01",
                "ownerPartnerId", "kcc");
        Api.as("police.editor").header("If-Match", "\"0\"").body(done).put(milestone).then().statusCode(403);
        Api.as("dover.editor").header("If-Match", "\"0\"").body(done).put(milestone).then().statusCode(403);
        Api.as("kcc.editor").body(done).put(milestone).then().statusCode(428);
        Api.as("kcc.editor").header("If-Match", "\"0\"").body(done).put(milestone).then().statusCode(200)
                .body("state", equalTo("COMPLETED")).body("completedOn", equalTo("2024-05-01"));
        Api.as("kcc.editor").header("If-Match", "\"1\"").body(with(done, "ownerPartnerId", "kent-police"))
                .put(milestone).then().statusCode(403);
        Api.as("maidstone.editor").header("If-Match", "\"1\"").body(with(done, "ownerPartnerId", "kent-police"))
                .put(milestone).then().statusCode(200).body("ownerPartnerId", equalTo("kent-police"));

        Api.as("maidstone.editor").body(Map.of("name", "Overdue", "dueOn", "2020-01-01"))
                .post("/projects/" + id + "/milestones").then().statusCode(201).body("state", equalTo("MISSED"))
                .body("ownerPartnerId", equalTo("maidstone"));
        Api.as("kcc.editor").get("/projects/" + id).then().body("milestones", hasSize(2))
                .body("milestones[0].name", equalTo("Overdue"));

        // Kent Police owns a milestone, so it cannot leave the project until that changes.
        String etag = etag("maidstone.editor", "/projects/" + id);
        Api.badRequestAs("maidstone.editor").contentType("application/json").header("If-Match", etag)
                .body(project("Milestones", "kcc")).put("/projects/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("participatingPartnerIds"));
    }
}
