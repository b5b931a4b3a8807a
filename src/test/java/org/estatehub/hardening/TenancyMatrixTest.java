package org.estatehub.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.ProjectFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the contract x every kind of caller x the caller's own record, another partner's
 * shared record and another partner's OWNER_ONLY record, with real Keycloak tokens. The expected statuses
 * are written out below as a table (one row per operation and record, one column per caller), not
 * derived from the service's rules. After every refused write the record is read again by the programme
 * office and must be byte-for-byte what it was; after every refused read or list the answer must not
 * contain the record; nothing a refused create sends is found afterwards.
 */
@QuarkusTest
class TenancyMatrixTest {

    /** Callers; "other" records always belong to Dover, which none of them works for. */
    enum Caller {
        PMO_ADMIN("pmo-admin (pmo.admin, kcc)", "pmo.admin", null, "kcc"),
        PARTNER_EDITOR("partner-editor (maidstone.editor)", "maidstone.editor", null, "maidstone"),
        PARTNER_VIEWER("partner-viewer (maidstone.viewer)", "maidstone.viewer", null, "maidstone"),
        S151_OFFICER("s151-officer (s151.officer, kcc)", "s151.officer", null, "kcc"),
        BOARD_MEMBER("board-member (board.member, kcc)", "board.member", null, "kcc"),
        SERVICE_EDITOR("service account, editor (maidstone-system)", null, "maidstone-system", "maidstone"),
        SERVICE_VIEWER("service account, viewer (kent-police-system)", null, "kent-police-system", "kent-police");

        final String label;
        final String user;
        final String client;
        final String partner;

        Caller(String label, String user, String client, String partner) {
            this.label = label;
            this.user = user;
            this.client = client;
            this.partner = partner;
        }

        RequestSpecification api() {
            if (user != null) {
                return Api.as(user);
            }
            return Api.asSystem(client, client.equals("maidstone-system") ? Api.MAIDSTONE_SYSTEM_SECRET
                    : Api.KENT_POLICE_SYSTEM_SECRET);
        }
    }

    /** Whose record the operation is applied to. */
    enum Scope {
        NONE, OWN, OWN_PRIVATE, OTHER, OTHER_PRIVATE
    }

    static final String OTHER_PARTNER = "dover";

    /**
     * operation, record -> expected status per caller, in the order of {@link Caller}:
     * pmo-admin, partner-editor, partner-viewer, s151-officer, board-member, service editor, service viewer.
     */
    static final Object[][] TABLE = {
        {"getMe", Scope.NONE, all(200)},
        {"listPartners", Scope.NONE, all(200)},
        {"getPartner", Scope.OWN, all(200)},
        {"getPartner", Scope.OTHER, all(200)},
        {"createPartner", Scope.NONE, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"updatePartner", Scope.OWN, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"updatePartner", Scope.OTHER, new int[] {200, 403, 403, 403, 403, 403, 403}},

        {"searchAssets", Scope.OTHER_PRIVATE, all(200)},
        {"getAsset", Scope.OWN, all(200)},
        {"getAsset", Scope.OWN_PRIVATE, all(200)},
        {"getAsset", Scope.OTHER, all(200)},
        {"getAsset", Scope.OTHER_PRIVATE, new int[] {200, 404, 404, 404, 200, 404, 404}},
        {"createAsset", Scope.OWN, new int[] {201, 201, 403, 403, 403, 201, 403}},
        {"createAsset", Scope.OTHER, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"updateAsset", Scope.OWN, new int[] {200, 200, 403, 403, 403, 200, 403}},
        {"updateAsset", Scope.OWN_PRIVATE, new int[] {200, 200, 403, 403, 403, 200, 403}},
        {"updateAsset", Scope.OTHER, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"updateAsset", Scope.OTHER_PRIVATE, new int[] {200, 404, 404, 404, 403, 404, 404}},
        {"disposeAsset", Scope.OWN, new int[] {200, 200, 403, 403, 403, 200, 403}},
        {"disposeAsset", Scope.OTHER, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"disposeAsset", Scope.OTHER_PRIVATE, new int[] {200, 404, 404, 404, 403, 404, 404}},
        {"getAssetStatusHistory", Scope.OWN, all(200)},
        {"getAssetStatusHistory", Scope.OTHER, all(200)},
        {"getAssetStatusHistory", Scope.OTHER_PRIVATE, new int[] {200, 404, 404, 404, 200, 404, 404}},
        {"findCoLocationOpportunities", Scope.OTHER_PRIVATE, all(200)},
        {"importAssets", Scope.OWN, new int[] {200, 200, 403, 403, 403, 200, 403}},
        {"importAssets", Scope.OTHER, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"exportAssets", Scope.OTHER_PRIVATE, all(200)},

        {"listProjects", Scope.NONE, all(200)},
        {"getProjectOutcomeTotals", Scope.NONE, all(200)},
        {"createProject", Scope.OWN, new int[] {201, 201, 403, 403, 403, 201, 403}},
        {"createProject", Scope.OTHER, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"getProject", Scope.OWN, all(200)},
        {"getProject", Scope.OTHER, new int[] {200, 403, 403, 200, 200, 403, 403}},
        {"updateProject", Scope.OWN, new int[] {200, 200, 403, 403, 403, 200, 403}},
        {"updateProject", Scope.OTHER, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"listProjectStageChanges", Scope.OWN, all(200)},
        {"listProjectStageChanges", Scope.OTHER, new int[] {200, 403, 403, 200, 200, 403, 403}},
        {"changeProjectStage", Scope.OWN, new int[] {201, 201, 403, 403, 403, 201, 403}},
        {"changeProjectStage", Scope.OTHER, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"addMilestone", Scope.OWN, new int[] {201, 201, 403, 403, 403, 201, 403}},
        {"addMilestone", Scope.OTHER, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"updateMilestone", Scope.OWN, new int[] {200, 200, 403, 403, 403, 200, 403}},
        {"updateMilestone", Scope.OTHER, new int[] {200, 403, 403, 403, 403, 403, 403}},
    };

    /** Every operationId of the contract must appear in the table: a new operation fails until it is added. */
    static final List<String> CONTRACT_OPERATIONS = List.of("getMe", "listPartners", "createPartner", "getPartner",
            "updatePartner", "searchAssets", "createAsset", "getAsset", "updateAsset", "disposeAsset",
            "getAssetStatusHistory", "findCoLocationOpportunities", "importAssets", "exportAssets", "listProjects",
            "createProject", "getProjectOutcomeTotals", "getProject", "updateProject", "listProjectStageChanges",
            "changeProjectStage", "addMilestone", "updateMilestone");

    record Case(String operation, Scope scope, Caller caller, int expected) {
        @Override
        public String toString() {
            return operation + " on " + scope + " record as " + caller.label + " -> " + expected;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Object[] row : TABLE) {
            int[] expected = (int[]) row[2];
            for (Caller caller : Caller.values()) {
                cases.add(new Case((String) row[0], (Scope) row[1], caller, expected[caller.ordinal()]));
            }
        }
        return cases.stream();
    }

    @org.junit.jupiter.api.Test
    void everyContractOperationIsInTheTable() throws Exception {
        String contract = java.nio.file.Files.readString(org.estatehub.testing.Contract.SPEC);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("operationId: (\\w+)").matcher(contract);
        List<String> inContract = new ArrayList<>();
        while (m.find()) {
            inContract.add(m.group(1));
        }
        List<String> inTable = Stream.of(TABLE).map(r -> (String) r[0]).distinct().toList();
        List<String> missing = inContract.stream().filter(op -> !inTable.contains(op)).toList();
        assertTrue(missing.isEmpty(), "operations of the contract missing from the tenancy matrix: " + missing);
        assertEquals(inContract.stream().sorted().toList(), CONTRACT_OPERATIONS.stream().sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matrix(Case c) {
        String token = AssetFixtures.token();
        switch (c.operation()) {
            case "getMe" -> expect(c, c.caller().api().get("/me"));
            case "listPartners" -> expect(c, c.caller().api().get("/partners"));
            case "getPartner" -> expect(c, c.caller().api().get("/partners/" + partnerOf(c)));
            case "createPartner" -> {
                String id = "tm-" + token;
                Response r = c.caller().api().body(Map.of("id", id, "name", "Matrix " + token, "type", "OTHER"))
                        .post("/partners");
                expect(c, r);
                if (c.expected() >= 400) {
                    Api.as("pmo.admin").get("/partners/" + id).then().statusCode(404);
                }
            }
            case "updatePartner" -> {
                String path = "/partners/" + partnerOf(c);
                Response before = Api.as("pmo.admin").get(path);
                Map<String, Object> same = new HashMap<>();
                same.put("name", before.path("name"));
                same.put("type", before.path("type"));
                if (before.path("shortName") != null) {
                    same.put("shortName", before.path("shortName"));
                }
                if (before.path("district") != null) {
                    same.put("district", before.path("district"));
                }
                Map<String, Object> change = new HashMap<>(same);
                change.put("name", "Hijacked " + token);
                Map<String, Object> body = c.expected() < 400 ? same : change;
                Response r = c.caller().api().header("If-Match", before.header("ETag")).body(body).put(path);
                expect(c, r);
                unchangedIfRefused(c, path, before);
            }

            case "searchAssets" -> {
                String hidden = asset(c, token);
                Response r = c.caller().api().get("/assets?includeDisposed=true&q=" + token);
                expect(c, r);
                boolean seesAll = c.caller() == Caller.PMO_ADMIN || c.caller() == Caller.BOARD_MEMBER;
                assertEquals(seesAll ? 1 : 0, (int) r.path("total"), c + ": total");
                assertEquals(seesAll, r.asString().contains(hidden), c + ": the OWNER_ONLY asset in the page");
            }
            case "getAsset" -> {
                String id = asset(c, token);
                Response r = c.caller().api().get("/assets/" + id);
                expect(c, r);
                noLeak(c, r, token);
            }
            case "getAssetStatusHistory" -> {
                String id = asset(c, token);
                Response r = c.caller().api().get("/assets/" + id + "/status-history");
                expect(c, r);
                noLeak(c, r, "Registered");
            }
            case "createAsset" -> {
                Map<String, Object> input = AssetFixtures.with(AssetFixtures.asset("Matrix " + token, 51.27, 0.52),
                        "ownerPartnerId", c.scope() == Scope.OWN ? null : OTHER_PARTNER);
                expect(c, c.caller().api().body(input).post("/assets"));
                nothingCreatedIfRefused(c, "/assets?includeDisposed=true&q=" + token);
            }
            case "updateAsset" -> {
                String path = "/assets/" + asset(c, token);
                Response before = Api.as("pmo.admin").get(path);
                Map<String, Object> input = AssetFixtures.with(AssetFixtures.asset("Changed " + token, 51.27, 0.52),
                        "visibility", before.path("visibility"), "uprn", before.path("uprn"),
                        "ownReference", before.path("ownReference"));
                Response r = c.caller().api().header("If-Match", before.header("ETag")).body(input).put(path);
                expect(c, r);
                unchangedIfRefused(c, path, before);
                unchangedIfRefused(c, path + "/status-history", Api.as("pmo.admin").get(path + "/status-history"));
            }
            case "disposeAsset" -> {
                String path = "/assets/" + asset(c, token);
                Response before = Api.as("pmo.admin").get(path);
                Response history = Api.as("pmo.admin").get(path + "/status-history");
                Response r = c.caller().api().header("If-Match", before.header("ETag"))
                        .body(Map.of("disposedOn", LocalDate.now().minusDays(1).toString(), "reason", "Sold " + token))
                        .post(path + "/disposal");
                expect(c, r);
                unchangedIfRefused(c, path, before);
                unchangedIfRefused(c, path + "/status-history", history);
            }
            case "findCoLocationOpportunities" -> {
                // Dover's OWNER_ONLY asset beside a shared Maidstone one, somewhere no other test puts assets.
                double lat = 58.0 + Math.random() * 0.5;
                double lon = -5.0 + Math.random() * 0.5;
                String hidden = AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                        AssetFixtures.asset("Hidden " + token, lat, lon), "ownerPartnerId", OTHER_PARTNER,
                        "visibility", "OWNER_ONLY"));
                AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                        AssetFixtures.asset("Shared " + token, lat + 0.0001, lon), "ownerPartnerId", "maidstone"));
                Response r = c.caller().api().get("/assets/co-location?distanceM=100");
                expect(c, r);
                boolean seesAll = c.caller() == Caller.PMO_ADMIN || c.caller() == Caller.BOARD_MEMBER;
                assertEquals(seesAll, r.asString().contains(hidden), c + ": the OWNER_ONLY asset in a cluster");
            }
            case "importAssets" -> {
                String csv = "UPRN,Unique Asset ID,Name,Street,Post town,Postcode,District,X co-ordinate,Y co-ordinate,"
                        + "Tenure,Asset type,Land only\n"
                        + AssetFixtures.uprn() + ",M-" + token + ",Imported " + token
                        + ",King Street,Maidstone,ME15 6JQ,MAIDSTONE,576086,155747,Freehold,Office,no\n";
                String query = c.scope() == Scope.OWN ? "" : "?ownerPartnerId=" + OTHER_PARTNER;
                Response r = c.caller().api().contentType("text/csv; charset=UTF-8").body(csv)
                        .post("/assets/import" + query);
                expect(c, r);
                nothingCreatedIfRefused(c, "/assets?includeDisposed=true&q=" + token);
            }
            case "exportAssets" -> {
                asset(c, token);
                Response r = c.caller().api().accept("text/csv").get("/assets/export?includeDisposed=true");
                expect(c, r);
                boolean seesAll = c.caller() == Caller.PMO_ADMIN || c.caller() == Caller.BOARD_MEMBER;
                assertEquals(seesAll, r.asString().contains(token), c + ": the OWNER_ONLY asset in the export");
            }

            case "listProjects" -> expect(c, c.caller().api().get("/projects"));
            case "getProjectOutcomeTotals" -> expect(c, c.caller().api().get("/projects/outcomes"));
            case "createProject" -> {
                Map<String, Object> input = ProjectFixtures.with(ProjectFixtures.project("Matrix " + token),
                        "leadPartnerId", c.scope() == Scope.OWN ? null : OTHER_PARTNER);
                expect(c, c.caller().api().body(input).post("/projects"));
                nothingCreatedIfRefused(c, "/projects?q=" + token);
            }
            case "getProject" -> {
                String id = project(c, token, false);
                Response r = c.caller().api().get("/projects/" + id);
                expect(c, r);
                noLeak(c, r, token);
            }
            case "listProjectStageChanges" -> {
                String id = project(c, token, false);
                Response r = c.caller().api().get("/projects/" + id + "/stage-changes");
                expect(c, r);
                noLeak(c, r, "Started");
            }
            case "updateProject" -> {
                String path = "/projects/" + project(c, token, false);
                Response before = Api.as("pmo.admin").get(path);
                Map<String, Object> input = ProjectFixtures.with(ProjectFixtures.project("Changed " + token),
                        "participatingPartnerIds", before.path("participatingPartnerIds"));
                Response r = c.caller().api().header("If-Match", before.header("ETag")).body(input).put(path);
                expect(c, r);
                unchangedIfRefused(c, path, before);
            }
            case "changeProjectStage" -> {
                String path = "/projects/" + project(c, token, false);
                Response before = Api.as("pmo.admin").get(path);
                Response history = Api.as("pmo.admin").get(path + "/stage-changes");
                Response r = c.caller().api().header("If-Match", before.header("ETag"))
                        .body(Map.of("toStage", "PIPELINE", "note", "Matrix")).post(path + "/stage-changes");
                expect(c, r);
                unchangedIfRefused(c, path, before);
                unchangedIfRefused(c, path + "/stage-changes", history);
            }
            case "addMilestone" -> {
                String path = "/projects/" + project(c, token, false);
                Response before = Api.as("pmo.admin").get(path);
                Response r = c.caller().api().body(Map.of("name", "Survey " + token, "dueOn", "2031-03-31"))
                        .post(path + "/milestones");
                expect(c, r);
                unchangedIfRefused(c, path, before);
            }
            case "updateMilestone" -> {
                String path = "/projects/" + project(c, token, true);
                Response before = Api.as("pmo.admin").get(path);
                String milestone = before.path("milestones[0].id");
                Response r = c.caller().api().header("If-Match", "\"0\"")
                        .body(Map.of("name", "Survey moved", "dueOn", "2032-03-31"))
                        .put(path + "/milestones/" + milestone);
                expect(c, r);
                unchangedIfRefused(c, path, before);
            }
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    private static int[] all(int status) {
        int[] statuses = new int[Caller.values().length];
        java.util.Arrays.fill(statuses, status);
        return statuses;
    }

    private static String partnerOf(Case c) {
        return c.scope() == Scope.OWN ? c.caller().partner : OTHER_PARTNER;
    }

    /** A fresh asset of the case's scope, registered by the programme office for its owner. */
    private static String asset(Case c, String token) {
        boolean own = c.scope() == Scope.OWN || c.scope() == Scope.OWN_PRIVATE;
        boolean hidden = c.scope() == Scope.OWN_PRIVATE || c.scope() == Scope.OTHER_PRIVATE;
        return AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Matrix " + token, 51.27, 0.52),
                "ownerPartnerId", own ? c.caller().partner : OTHER_PARTNER,
                "visibility", hidden ? "OWNER_ONLY" : "PARTNERSHIP"));
    }

    /**
     * A fresh project led by the caller's partner (OWN) or by Dover with Ashford taking part (OTHER),
     * optionally with one milestone owned by the lead.
     */
    private static String project(Case c, String token, boolean withMilestone) {
        String lead = c.scope() == Scope.OWN ? c.caller().partner : OTHER_PARTNER;
        List<String> participants = c.scope() == Scope.OWN ? List.of() : List.of("ashford");
        String id = ProjectFixtures.createId("pmo.admin", ProjectFixtures.with(
                ProjectFixtures.project("Matrix " + token), "leadPartnerId", lead,
                "participatingPartnerIds", participants));
        if (withMilestone) {
            Api.as("pmo.admin").body(Map.of("name", "Survey", "dueOn", "2031-03-31"))
                    .post("/projects/" + id + "/milestones").then().statusCode(201);
        }
        return id;
    }

    private static void expect(Case c, Response r) {
        assertEquals(c.expected(), r.statusCode(), c + ": status; body " + r.asString());
        if (c.expected() >= 400) {
            assertTrue(r.contentType().startsWith("application/problem+json"), c + ": content type " + r.contentType());
        }
    }

    /** A refused read must not carry any of the record's content. */
    private static void noLeak(Case c, Response r, String marker) {
        if (c.expected() >= 400) {
            assertFalse(r.asString().contains(marker), c + ": the refusal reveals the record: " + r.asString());
        }
    }

    private static void unchangedIfRefused(Case c, String path, Response before) {
        if (c.expected() < 400) {
            return;
        }
        Response after = Api.as("pmo.admin").get(path);
        assertEquals(200, after.statusCode());
        assertEquals(before.asString(), after.asString(), c + ": " + path + " changed although the write was refused");
        assertEquals(before.header("ETag"), after.header("ETag"), c + ": " + path + " ETag moved");
    }

    private static void nothingCreatedIfRefused(Case c, String searchPath) {
        if (c.expected() >= 400) {
            assertEquals(0, (int) Api.as("pmo.admin").get(searchPath).path("total"),
                    c + ": a refused create left a record behind");
        }
    }
}
