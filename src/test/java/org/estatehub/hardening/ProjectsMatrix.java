package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.OTHER_PARTNER;
import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.noLeak;
import static org.estatehub.hardening.TenancyMatrix.nothingCreatedIfRefused;
import static org.estatehub.hardening.TenancyMatrix.project;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.unchangedIfRefused;

import java.util.List;
import java.util.Map;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.ProjectFixtures;

import io.restassured.response.Response;

/**
 * The tenancy matrix for projects, their stages and milestones: a partner reads the details of the
 * projects it leads or takes part in, and changes only those it leads.
 */
final class ProjectsMatrix {

    private ProjectsMatrix() {
    }

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("listProjects",            Scope.NONE,          all(200)),
        row("getProjectOutcomeTotals", Scope.NONE,          all(200)),
        row("createProject",           Scope.OWN,           201, 201, 403, 403, 403, 201, 403),
        row("createProject",           Scope.OTHER,         201, 403, 403, 403, 403, 403, 403),
        row("getProject",              Scope.OWN,           all(200)),
        row("getProject",              Scope.OTHER,         200, 403, 403, 200, 200, 403, 403),
        row("updateProject",           Scope.OWN,           200, 200, 403, 403, 403, 200, 403),
        row("updateProject",           Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        row("listProjectStageChanges", Scope.OWN,           all(200)),
        row("listProjectStageChanges", Scope.OTHER,         200, 403, 403, 200, 200, 403, 403),
        row("changeProjectStage",      Scope.OWN,           201, 201, 403, 403, 403, 201, 403),
        row("changeProjectStage",      Scope.OTHER,         201, 403, 403, 403, 403, 403, 403),
        row("addMilestone",            Scope.OWN,           201, 201, 403, 403, 403, 201, 403),
        row("addMilestone",            Scope.OTHER,         201, 403, 403, 403, 403, 403, 403),
        row("updateMilestone",         Scope.OWN,           200, 200, 403, 403, 403, 200, 403),
        row("updateMilestone",         Scope.OTHER,         200, 403, 403, 403, 403, 403, 403));

    static void exercise(Case c) {
        switch (c.operation()) {
            case "listProjects" -> expect(c, c.caller().api().get("/projects"));
            case "getProjectOutcomeTotals" -> expect(c, c.caller().api().get("/projects/outcomes"));
            case "createProject" -> createProject(c);
            case "getProject" -> getProject(c);
            case "listProjectStageChanges" -> listProjectStageChanges(c);
            case "updateProject" -> updateProject(c);
            case "changeProjectStage" -> changeProjectStage(c);
            case "addMilestone" -> addMilestone(c);
            case "updateMilestone" -> updateMilestone(c);
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    private static void createProject(Case c) {
        String token = AssetFixtures.token();
        Map<String, Object> input = ProjectFixtures.with(ProjectFixtures.project("Matrix " + token),
                "leadPartnerId", c.scope() == Scope.OWN ? null : OTHER_PARTNER);
        expect(c, c.caller().api().body(input).post("/projects"));
        nothingCreatedIfRefused(c, "/projects?q=" + token);
    }

    private static void getProject(Case c) {
        String token = AssetFixtures.token();
        String id = project(c, token, false);
        Response r = c.caller().api().get("/projects/" + id);
        expect(c, r);
        noLeak(c, r, token);
    }

    private static void listProjectStageChanges(Case c) {
        String id = project(c, AssetFixtures.token(), false);
        Response r = c.caller().api().get("/projects/" + id + "/stage-changes");
        expect(c, r);
        noLeak(c, r, "Started");
    }

    private static void updateProject(Case c) {
        String token = AssetFixtures.token();
        String path = "/projects/" + project(c, token, false);
        Response before = Api.as("pmo.admin").get(path);
        Map<String, Object> input = ProjectFixtures.with(ProjectFixtures.project("Changed " + token),
                "participatingPartnerIds", before.path("participatingPartnerIds"));
        Response r = c.caller().api().header("If-Match", before.header("ETag")).body(input).put(path);
        expect(c, r);
        unchangedIfRefused(c, path, before);
    }

    private static void changeProjectStage(Case c) {
        String path = "/projects/" + project(c, AssetFixtures.token(), false);
        Response before = Api.as("pmo.admin").get(path);
        Response history = Api.as("pmo.admin").get(path + "/stage-changes");
        Response r = c.caller().api().header("If-Match", before.header("ETag"))
                .body(Map.of("toStage", "PIPELINE", "note", "Matrix")).post(path + "/stage-changes");
        expect(c, r);
        unchangedIfRefused(c, path, before);
        unchangedIfRefused(c, path + "/stage-changes", history);
    }

    private static void addMilestone(Case c) {
        String token = AssetFixtures.token();
        String path = "/projects/" + project(c, token, false);
        Response before = Api.as("pmo.admin").get(path);
        Response r = c.caller().api().body(Map.of("name", "Survey " + token, "dueOn", "2031-03-31"))
                .post(path + "/milestones");
        expect(c, r);
        unchangedIfRefused(c, path, before);
    }

    private static void updateMilestone(Case c) {
        String path = "/projects/" + project(c, AssetFixtures.token(), true);
        Response before = Api.as("pmo.admin").get(path);
        String milestone = before.path("milestones[0].id");
        Response r = c.caller().api().header("If-Match", "\"0\"")
                .body(Map.of("name", "Survey moved", "dueOn", "2032-03-31"))
                .put(path + "/milestones/" + milestone);
        expect(c, r);
        unchangedIfRefused(c, path, before);
    }
}
