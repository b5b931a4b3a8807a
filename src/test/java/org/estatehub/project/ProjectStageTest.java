package org.estatehub.project;

import static org.estatehub.testing.ProjectFixtures.createId;
import static org.estatehub.testing.ProjectFixtures.project;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every stage transition, allowed and refused, through the API. */
@QuarkusTest
class ProjectStageTest {

    enum Stage { IDEA, PIPELINE, FEASIBILITY, BUSINESS_CASE, DELIVERY, COMPLETE, WITHDRAWN }

    /** The contract's transition table, written out independently of the service's. */
    static final Map<Stage, Set<Stage>> ALLOWED = new EnumMap<>(Map.of(
            Stage.IDEA, Set.of(Stage.PIPELINE, Stage.WITHDRAWN),
            Stage.PIPELINE, Set.of(Stage.FEASIBILITY, Stage.WITHDRAWN),
            Stage.FEASIBILITY, Set.of(Stage.BUSINESS_CASE, Stage.PIPELINE, Stage.WITHDRAWN),
            Stage.BUSINESS_CASE, Set.of(Stage.DELIVERY, Stage.FEASIBILITY, Stage.WITHDRAWN),
            Stage.DELIVERY, Set.of(Stage.COMPLETE, Stage.WITHDRAWN),
            Stage.COMPLETE, Set.of(),
            Stage.WITHDRAWN, Set.of(Stage.PIPELINE)));

    /** How to walk a new project (at IDEA) to each stage. */
    static final Map<Stage, List<Stage>> PATH = new EnumMap<>(Map.of(
            Stage.IDEA, List.of(),
            Stage.PIPELINE, List.of(Stage.PIPELINE),
            Stage.FEASIBILITY, List.of(Stage.PIPELINE, Stage.FEASIBILITY),
            Stage.BUSINESS_CASE, List.of(Stage.PIPELINE, Stage.FEASIBILITY, Stage.BUSINESS_CASE),
            Stage.DELIVERY, List.of(Stage.PIPELINE, Stage.FEASIBILITY, Stage.BUSINESS_CASE, Stage.DELIVERY),
            Stage.COMPLETE, List.of(Stage.PIPELINE, Stage.FEASIBILITY, Stage.BUSINESS_CASE, Stage.DELIVERY,
                    Stage.COMPLETE),
            Stage.WITHDRAWN, List.of(Stage.WITHDRAWN)));

    private static String move(String user, String id, String etag, Stage to, int expectedStatus) {
        return Api.as(user).header("If-Match", etag).body(Map.of("toStage", to.name(), "note", "to " + to))
                .post("/projects/" + id + "/stage-changes").then().statusCode(expectedStatus)
                .extract().header("ETag");
    }

    private static String projectAt(Stage stage) {
        var created = org.estatehub.testing.ProjectFixtures.create("maidstone.editor", project("Stage " + stage, "kcc"));
        String id = created.path("id");
        String etag = created.header("ETag");
        for (Stage step : PATH.get(stage)) {
            etag = move("maidstone.editor", id, etag, step, 201);
        }
        return id;
    }

    @Test
    void everyTransitionAllowedAndRefused() {
        int allowed = 0;
        int refused = 0;
        for (Stage from : Stage.values()) {
            String id = projectAt(from);
            for (Stage to : Stage.values()) {
                if (ALLOWED.get(from).contains(to)) {
                    continue;
                }
                String etag = Api.as("maidstone.editor").get("/projects/" + id).then().extract().header("ETag");
                Api.as("maidstone.editor").header("If-Match", etag).body(Map.of("toStage", to.name()))
                        .post("/projects/" + id + "/stage-changes").then().statusCode(409)
                        .contentType("application/problem+json");
                Api.as("maidstone.editor").get("/projects/" + id).then().body("stage", equalTo(from.name()));
                refused++;
            }
            for (Stage to : ALLOWED.get(from)) {
                String fresh = projectAt(from);
                String etag = Api.as("maidstone.editor").get("/projects/" + fresh).then().extract().header("ETag");
                move("maidstone.editor", fresh, etag, to, 201);
                Api.as("maidstone.editor").get("/projects/" + fresh).then().body("stage", equalTo(to.name()));
                allowed++;
            }
        }
        assertEquals(13, allowed);
        assertEquals(7 * 7 - 13, refused);
    }

    @Test
    void stageChangesRecordWhoAndWhenAndNeedTheLead() {
        String id = createId("maidstone.editor", project("History", "kcc"));
        move("kcc.editor", id, "\"0\"", Stage.PIPELINE, 403);
        move("maidstone.viewer", id, "\"0\"", Stage.PIPELINE, 403);
        Api.as("maidstone.editor").body(Map.of("toStage", "PIPELINE")).post("/projects/" + id + "/stage-changes")
                .then().statusCode(428);
        String etag = move("maidstone.editor", id, "\"0\"", Stage.PIPELINE, 201);
        move("maidstone.editor", id, "\"0\"", Stage.FEASIBILITY, 412);
        move("pmo.admin", id, etag, Stage.FEASIBILITY, 201);

        Api.as("kcc.editor").get("/projects/" + id + "/stage-changes").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].toStage", equalTo("IDEA"))
                .body("items[1].fromStage", equalTo("IDEA"))
                .body("items[1].toStage", equalTo("PIPELINE"))
                .body("items[1].changedBy", equalTo("maidstone.editor"))
                .body("items[1].partnerId", equalTo("maidstone"))
                .body("items[1].note", equalTo("to PIPELINE"))
                .body("items[2].changedBy", equalTo("pmo.admin"))
                .body("items[2].partnerId", equalTo("kcc"));
    }
}
