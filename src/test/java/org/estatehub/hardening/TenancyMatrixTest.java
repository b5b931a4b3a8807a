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
import org.estatehub.testing.FundingFixtures;
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
 * contain the record; nothing a refused create sends is found afterwards. Which of a project's fields
 * each caller reads in each read path: {@link TenancyFieldMatrixTest}.
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

        {"getPartnerHistory", Scope.OWN, all(200)},
        {"getPartnerHistory", Scope.OTHER, all(200)},
        {"getAssetHistory", Scope.OWN, all(200)},
        {"getAssetHistory", Scope.OTHER, all(200)},
        {"getAssetHistory", Scope.OTHER_PRIVATE, new int[] {200, 404, 404, 404, 200, 404, 404}},
        {"getProjectHistory", Scope.OWN, all(200)},
        {"getProjectHistory", Scope.OTHER, new int[] {200, 403, 403, 200, 200, 403, 403}},
        {"listChangeEvents", Scope.OTHER_PRIVATE, all(200)},

        {"listProgrammes", Scope.NONE, all(200)},
        {"listFundingRounds", Scope.NONE, all(200)},
        {"createFundingRound", Scope.NONE, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"getFundingRound", Scope.NONE, all(200)},
        {"updateFundingRound", Scope.NONE, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"getFundingRoundHistory", Scope.NONE, all(200)},
        {"listBids", Scope.NONE, all(200)},
        {"createBid", Scope.OWN, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"createBid", Scope.OTHER, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"getBid", Scope.OWN, all(200)},
        {"getBid", Scope.OTHER, all(200)},
        {"updateBid", Scope.OWN, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"updateBid", Scope.OTHER, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"signOffBid", Scope.OWN, new int[] {403, 403, 403, 200, 403, 403, 403}},
        {"signOffBid", Scope.OTHER, new int[] {403, 403, 403, 200, 403, 403, 403}},
        {"submitBid", Scope.OTHER, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"decideBid", Scope.OWN, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"decideBid", Scope.OTHER, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"getBidHistory", Scope.OTHER, all(200)},
        {"listAwards", Scope.NONE, all(200)},
        {"getAward", Scope.OWN, all(200)},
        {"getAward", Scope.OTHER, all(200)},
        {"getAwardHistory", Scope.OWN, all(200)},
        {"getAwardHistory", Scope.OTHER, all(200)},
        {"listClaims", Scope.OWN, all(200)},
        {"listClaims", Scope.OTHER, new int[] {200, 403, 403, 200, 200, 403, 403}},
        {"getClaim", Scope.OWN, all(200)},
        {"getClaim", Scope.OTHER, new int[] {200, 403, 403, 200, 200, 403, 403}},
        {"submitClaim", Scope.OWN, new int[] {201, 201, 403, 403, 403, 201, 403}},
        {"submitClaim", Scope.OTHER, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"approveClaim", Scope.OTHER, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"rejectClaim", Scope.OTHER, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"listPayments", Scope.OWN, all(200)},
        {"listPayments", Scope.OTHER, new int[] {200, 403, 403, 200, 200, 403, 403}},
        {"recordPayment", Scope.OWN, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"recordPayment", Scope.OTHER, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"getFundingSummary", Scope.NONE, all(200)},

        {"listMous", Scope.OTHER, all(200)},
        {"createMou", Scope.NONE, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"getMouCoverage", Scope.NONE, new int[] {200, 403, 403, 200, 200, 403, 403}},
        {"getMou", Scope.OWN, all(200)},
        {"getMou", Scope.OTHER, new int[] {200, 404, 404, 200, 200, 404, 404}},
        {"changeMouStatus", Scope.NONE, new int[] {200, 403, 403, 403, 403, 403, 403}},
        {"getMouHistory", Scope.OWN, all(200)},
        {"getMouHistory", Scope.OTHER, new int[] {200, 404, 404, 200, 200, 404, 404}},

        {"listMonitoringReturns", Scope.NONE, all(200)},
        {"submitMonitoringReturn", Scope.NONE, new int[] {201, 403, 403, 403, 403, 403, 403}},
        {"previewMonitoringReturn", Scope.NONE, all(200)},
        {"getMonitoringReturn", Scope.NONE, all(200)},
        {"getFundingDashboard", Scope.NONE, all(200)},
        {"getPipelineDashboard", Scope.NONE, all(200)},
        {"getAssetDashboard", Scope.NONE, all(200)},
        {"getMouCoverageDashboard", Scope.NONE, all(200)},
    };

    /** Every operationId of the contract must appear in the table: a new operation fails until it is added. */
    static final List<String> CONTRACT_OPERATIONS = List.of("getMe", "listPartners", "createPartner", "getPartner",
            "updatePartner", "searchAssets", "createAsset", "getAsset", "updateAsset", "disposeAsset",
            "getAssetStatusHistory", "findCoLocationOpportunities", "importAssets", "exportAssets", "listProjects",
            "createProject", "getProjectOutcomeTotals", "getProject", "updateProject", "listProjectStageChanges",
            "changeProjectStage", "addMilestone", "updateMilestone",
            "getPartnerHistory", "getAssetHistory", "getProjectHistory", "listChangeEvents",
            "listProgrammes", "listFundingRounds", "createFundingRound", "getFundingRound", "updateFundingRound",
            "getFundingRoundHistory", "listBids", "createBid", "getBid", "updateBid", "signOffBid", "submitBid",
            "decideBid", "getBidHistory", "listAwards", "getAward", "getAwardHistory", "listClaims", "getClaim",
            "submitClaim", "approveClaim", "rejectClaim", "listPayments", "recordPayment", "getFundingSummary",
            "listMous", "createMou", "getMouCoverage", "getMou", "changeMouStatus", "getMouHistory",
            "listMonitoringReturns", "submitMonitoringReturn", "previewMonitoringReturn", "getMonitoringReturn",
            "getFundingDashboard", "getPipelineDashboard", "getAssetDashboard", "getMouCoverageDashboard");

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

            case "getPartnerHistory" -> {
                Response r = c.caller().api().get("/partners/" + partnerOf(c) + "/history");
                expect(c, r);
            }
            case "getAssetHistory" -> {
                String id = asset(c, token);
                Response r = c.caller().api().get("/assets/" + id + "/history");
                expect(c, r);
                noLeak(c, r, token);
            }
            case "getProjectHistory" -> {
                String id = project(c, token, false);
                Response r = c.caller().api().get("/projects/" + id + "/history");
                expect(c, r);
                noLeak(c, r, token);
            }
            case "listChangeEvents" -> {
                List<String> ignored = new ArrayList<>();
                String callerStart = feedEnd(c.caller(), null, ignored);
                String pmoCursor = feedEnd(Caller.PMO_ADMIN, null, ignored);
                String hidden = asset(c, token);
                // Wait until the feed has moved past the asset's creation (the programme office sees it).
                long deadline = System.currentTimeMillis() + 10_000;
                while (true) {
                    List<String> pages = new ArrayList<>();
                    pmoCursor = feedEnd(Caller.PMO_ADMIN, pmoCursor, pages);
                    if (pages.stream().anyMatch(p -> p.contains(hidden))) {
                        break;
                    }
                    assertTrue(System.currentTimeMillis() < deadline, c + ": the feed never delivered the asset");
                    sleep(100);
                }
                Response r = c.caller().api().get("/events?limit=500&after=" + callerStart);
                expect(c, r);
                List<String> pages = new ArrayList<>();
                pages.add(r.asString());
                if ((boolean) r.path("hasMore")) {
                    feedEnd(c.caller(), r.path("nextCursor"), pages);
                }
                boolean seesAll = c.caller() == Caller.PMO_ADMIN || c.caller() == Caller.BOARD_MEMBER;
                assertEquals(seesAll, pages.stream().anyMatch(p -> p.contains(hidden)),
                        c + ": another partner's OWNER_ONLY asset in the feed");
            }

            case "listProgrammes" -> expect(c, c.caller().api().get("/programmes"));
            case "listFundingRounds" -> expect(c, c.caller().api().get("/funding-rounds"));
            case "createFundingRound" -> {
                int before = Api.as("pmo.admin").get("/funding-rounds?limit=1").path("total");
                LocalDate today = LocalDate.now();
                Response r = c.caller().api().body(Map.of("programme", "OPE", "name", "Matrix round " + token,
                        "opensOn", today.toString(), "closesOn", today.plusDays(30).toString(), "status", "OPEN"))
                        .post("/funding-rounds");
                expect(c, r);
                if (c.expected() >= 400) {
                    assertEquals(before, (int) Api.as("pmo.admin").get("/funding-rounds?limit=1").path("total"),
                            c + ": a refused create left a round behind");
                }
            }
            case "getFundingRound" -> expect(c, c.caller().api().get("/funding-rounds/" + FundingFixtures.openRound("OPE")));
            case "updateFundingRound" -> {
                String path = "/funding-rounds/" + FundingFixtures.openRound("OPE");
                Response before = Api.as("pmo.admin").get(path);
                Map<String, Object> input = new HashMap<>();
                input.put("programme", before.path("programme"));
                input.put("name", "Renamed round " + token);
                input.put("opensOn", before.path("opensOn"));
                input.put("closesOn", before.path("closesOn"));
                input.put("status", "CLOSED");
                Response r = c.caller().api().header("If-Match", before.header("ETag")).body(input).put(path);
                expect(c, r);
                unchangedIfRefused(c, path, before);
            }
            case "getFundingRoundHistory" -> expect(c, c.caller().api()
                    .get("/funding-rounds/" + FundingFixtures.openRound("OPE") + "/history"));
            case "listBids" -> expect(c, c.caller().api().get("/bids"));
            case "createBid" -> {
                String round = FundingFixtures.openRound("OPE");
                String project = FundingFixtures.project(partnerOf(c));
                Response r = c.caller().api().body(Map.of("roundId", round, "title", "Matrix bid " + token,
                        "lines", List.of(FundingFixtures.line(project, "1000.00", "Survey")))).post("/bids");
                expect(c, r);
                nothingCreatedIfRefused(c, "/bids?projectId=" + project);
            }
            case "getBid" -> {
                Response r = c.caller().api().get("/bids/" + bid(c, "DRAFT"));
                expect(c, r);
            }
            case "updateBid" -> {
                String path = "/bids/" + bid(c, "DRAFT");
                Response before = Api.as("pmo.admin").get(path);
                Map<String, Object> input = Map.of("roundId", before.path("roundId"), "title", "Revised " + token,
                        "lines", List.of(FundingFixtures.line(before.path("lines[0].projectId"), "900.00", "Survey")));
                Response r = c.caller().api().header("If-Match", before.header("ETag")).body(input).put(path);
                expect(c, r);
                unchangedIfRefused(c, path, before);
                unchangedIfRefused(c, path + "/history", Api.as("pmo.admin").get(path + "/history"));
            }
            case "signOffBid", "submitBid", "decideBid" -> {
                String from = switch (c.operation()) {
                    case "signOffBid" -> "DRAFT";
                    case "submitBid" -> "SIGNED_OFF";
                    default -> "SUBMITTED";
                };
                String path = "/bids/" + bid(c, from);
                Response before = Api.as("pmo.admin").get(path);
                Response history = Api.as("pmo.admin").get(path + "/history");
                RequestSpecification request = c.caller().api().header("If-Match", before.header("ETag"));
                Response r = switch (c.operation()) {
                    case "signOffBid" -> request.post(path + "/sign-off");
                    case "submitBid" -> request.post(path + "/submission");
                    default -> request.body(Map.of("decidedOn", LocalDate.now().toString(), "lines", List.of(Map.of(
                            "lineId", (String) before.path("lines[0].id"), "amountAwarded", FundingFixtures.money("800.00")))))
                            .post(path + "/decision");
                };
                expect(c, r);
                unchangedIfRefused(c, path, before);
                unchangedIfRefused(c, path + "/history", history);
            }
            case "getBidHistory" -> expect(c, c.caller().api().get("/bids/" + bid(c, "SUBMITTED") + "/history"));
            case "listAwards" -> expect(c, c.caller().api().get("/awards"));
            case "getAward" -> expect(c, c.caller().api().get("/awards/" + award(c, "LRF")));
            case "getAwardHistory" -> {
                String award = award(c, "OPE");
                String invoice = "INV-" + token;
                Api.as("pmo.admin").body(FundingFixtures.claim(invoice, "10.00", "Survey"))
                        .post("/awards/" + award + "/claims").then().statusCode(201);
                Response r = c.caller().api().get("/awards/" + award + "/history");
                expect(c, r);
                boolean readsDetails = c.scope() == Scope.OWN || overseer(c.caller());
                assertEquals(readsDetails, r.asString().contains(invoice), c + ": the claim's invoice in the history");
            }
            case "listClaims" -> {
                String award = award(c, "OPE");
                Api.as("pmo.admin").body(FundingFixtures.claim("INV-" + token, "10.00", "Survey"))
                        .post("/awards/" + award + "/claims").then().statusCode(201);
                Response r = c.caller().api().get("/awards/" + award + "/claims");
                expect(c, r);
                noLeak(c, r, token);
                if (c.expected() < 400) {
                    assertTrue(r.asString().contains(token), c + ": the claim is listed");
                }
            }
            case "getClaim" -> {
                String claim = Api.as("pmo.admin").body(FundingFixtures.claim("INV-" + token, "10.00", "Survey"))
                        .post("/awards/" + award(c, "OPE") + "/claims").then().statusCode(201).extract().path("id");
                Response r = c.caller().api().get("/claims/" + claim);
                expect(c, r);
                noLeak(c, r, token);
                if (c.expected() < 400) {
                    assertTrue(r.asString().contains(token), c + ": the claim is read");
                    assertEquals("\"" + r.path("version") + "\"", r.header("ETag"), c + ": the claim's ETag");
                }
            }
            case "listPayments" -> {
                String award = award(c, "LRF");
                Api.as("pmo.admin").body(Map.of("amount", FundingFixtures.money("10.00"), "paidOn",
                        LocalDate.now().toString(), "reference", "PAY-" + token))
                        .post("/awards/" + award + "/payments").then().statusCode(201);
                Response r = c.caller().api().get("/awards/" + award + "/payments");
                expect(c, r);
                noLeak(c, r, token);
                if (c.expected() < 400) {
                    assertTrue(r.asString().contains(token), c + ": the payment is listed");
                }
            }
            case "submitClaim" -> {
                String path = "/awards/" + award(c, "OPE");
                Response before = Api.as("pmo.admin").get(path);
                Response claims = Api.as("pmo.admin").get(path + "/claims");
                Response r = c.caller().api().body(FundingFixtures.claim("INV-" + token, "10.00", "Survey"))
                        .post(path + "/claims");
                expect(c, r);
                unchangedIfRefused(c, path, before);
                unchangedIfRefused(c, path + "/claims", claims);
            }
            case "approveClaim", "rejectClaim" -> {
                String path = "/awards/" + award(c, "OPE");
                String claim = Api.as("pmo.admin").body(FundingFixtures.claim("INV-" + token, "10.00", "Survey"))
                        .post(path + "/claims").then().statusCode(201).extract().path("id");
                Response before = Api.as("pmo.admin").get(path);
                Response claims = Api.as("pmo.admin").get(path + "/claims");
                Response history = Api.as("pmo.admin").get(path + "/history");
                RequestSpecification request = c.caller().api().header("If-Match", "\"0\"");
                Response r = c.operation().equals("approveClaim") ? request.post("/claims/" + claim + "/approval")
                        : request.body(Map.of("reason", "Matrix")).post("/claims/" + claim + "/rejection");
                expect(c, r);
                unchangedIfRefused(c, path, before);
                unchangedIfRefused(c, path + "/claims", claims);
                unchangedIfRefused(c, path + "/history", history);
            }
            case "recordPayment" -> {
                String path = "/awards/" + award(c, "LRF");
                Response before = Api.as("pmo.admin").get(path);
                Response payments = Api.as("pmo.admin").get(path + "/payments");
                Response r = c.caller().api().body(Map.of("amount", FundingFixtures.money("10.00"), "paidOn",
                        LocalDate.now().toString(), "reference", "PAY-" + token)).post(path + "/payments");
                expect(c, r);
                unchangedIfRefused(c, path, before);
                unchangedIfRefused(c, path + "/payments", payments);
            }
            case "getFundingSummary" -> expect(c, c.caller().api().get("/funding/summary"));

            case "listMous" -> {
                Response r = c.caller().api().get("/mous?partner=" + OTHER_PARTNER);
                expect(c, r);
                assertEquals(overseer(c.caller()), (int) r.path("total") > 0, c + ": Dover's MOU in the list");
                Response all = c.caller().api().get("/mous?limit=500");
                expect(c, all);
                if (!overseer(c.caller())) {
                    List<String> partners = all.path("items.partnerId");
                    assertTrue(partners.stream().allMatch(c.caller().partner::equals),
                            c + ": other partners' MOUs listed: " + partners);
                }
            }
            case "createMou" -> {
                String partner = freshPartner(token);
                expect(c, c.caller().api().body(Map.of("partnerId", partner, "documentReference", "MOU-" + token))
                        .post("/mous"));
                nothingCreatedIfRefused(c, "/mous?partner=" + partner);
            }
            case "getMouCoverage" -> expect(c, c.caller().api().get("/mous/coverage"));
            case "getMou" -> {
                String path = "/mous/" + mouOf(partnerOf(c));
                String reference = Api.as("pmo.admin").get(path).path("documentReference");
                Response r = c.caller().api().get(path);
                expect(c, r);
                noLeak(c, r, reference);
            }
            case "changeMouStatus" -> {
                String mou = Api.as("pmo.admin").body(Map.of("partnerId", freshPartner(token))).post("/mous").then()
                        .statusCode(201).extract().path("id");
                String path = "/mous/" + mou;
                Response before = Api.as("pmo.admin").get(path);
                Response history = Api.as("pmo.admin").get(path + "/history");
                Response r = c.caller().api().header("If-Match", before.header("ETag"))
                        .body(Map.of("toStatus", "ISSUED", "on", LocalDate.now().toString())).post(path + "/status-changes");
                expect(c, r);
                unchangedIfRefused(c, path, before);
                unchangedIfRefused(c, path + "/history", history);
            }
            case "getMouHistory" -> {
                String mou = mouOf(partnerOf(c));
                Response r = c.caller().api().get("/mous/" + mou + "/history");
                expect(c, r);
                noLeak(c, r, partnerOf(c));
            }

            case "listMonitoringReturns" -> expect(c, c.caller().api().get("/monitoring-returns"));
            case "submitMonitoringReturn" -> {
                // One quarter per caller, none of them used by any other test: a submitted return never changes.
                String period = (2011 + c.caller().ordinal()) + "-Q1";
                int before = Api.as("pmo.admin").get("/monitoring-returns").path("total");
                Response r = c.caller().api().body(Map.of("period", period, "narrative", "Matrix " + token))
                        .post("/monitoring-returns");
                expect(c, r);
                if (c.expected() >= 400) {
                    Api.as("pmo.admin").get("/monitoring-returns/" + period).then().statusCode(404);
                    assertEquals(before, (int) Api.as("pmo.admin").get("/monitoring-returns").path("total"),
                            c + ": a refused submission left a return behind");
                }
            }
            case "previewMonitoringReturn" -> expect(c, c.caller().api().get("/monitoring-returns/preview?period=2026-Q3"));
            case "getMonitoringReturn" -> {
                String period = "2010-Q2";
                if (Api.as("pmo.admin").get("/monitoring-returns/" + period).statusCode() == 404) {
                    Api.as("pmo.admin").body(Map.of("period", period)).post("/monitoring-returns").then().statusCode(201);
                }
                expect(c, c.caller().api().get("/monitoring-returns/" + period));
            }
            case "getFundingDashboard" -> expect(c, c.caller().api().get("/dashboards/funding"));
            case "getPipelineDashboard" -> expect(c, c.caller().api().get("/dashboards/pipeline"));
            case "getAssetDashboard" -> expect(c, c.caller().api().get("/dashboards/assets"));
            case "getMouCoverageDashboard" -> expect(c, c.caller().api().get("/dashboards/mou-coverage"));
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    /** The programme's overseers, who read every partner's MOUs, claims and payments. */
    private static boolean overseer(Caller caller) {
        return caller == Caller.PMO_ADMIN || caller == Caller.BOARD_MEMBER || caller == Caller.S151_OFFICER;
    }

    /** A one-line bid for a project led by the case's partner, in a fresh open OPE round, taken to `status`. */
    private static String bid(Case c, String status) {
        String round = FundingFixtures.openRound("OPE");
        String bid = FundingFixtures.createBid(round, List.of(FundingFixtures.line(
                FundingFixtures.project(partnerOf(c)), "1000.00", "Survey"))).path("id");
        if (!status.equals("DRAFT")) {
            FundingFixtures.signOff(bid).then().statusCode(200);
        }
        if (status.equals("SUBMITTED")) {
            FundingFixtures.submit(bid).then().statusCode(200);
        }
        return bid;
    }

    /** An award of 1000.00 for a project led by the case's partner (own) or Dover (other). */
    private static String award(Case c, String programme) {
        return FundingFixtures.award(programme, partnerOf(c), "1000.00", "Survey");
    }

    /** A new partner with no MOU, added by the programme office. */
    private static String freshPartner(String token) {
        String id = "tm-" + token;
        Api.as("pmo.admin").body(Map.of("id", id, "name", "Matrix " + token, "type", "OTHER")).post("/partners")
                .then().statusCode(201);
        return id;
    }

    /** The partner's (demo) MOU, as the programme office finds it. */
    private static String mouOf(String partner) {
        String id = Api.as("pmo.admin").get("/mous?partner=" + partner).path("items[0].id");
        assertTrue(id != null, "no MOU for " + partner);
        return id;
    }

    /** Reads the change feed as the caller from `after` until caught up; returns the cursor to carry on from. */
    private static String feedEnd(Caller caller, String after, List<String> pages) {
        String cursor = after;
        while (true) {
            Response r = caller.api().get("/events?limit=500" + (cursor == null ? "" : "&after=" + cursor));
            assertEquals(200, r.statusCode(), r.asString());
            pages.add(r.asString());
            cursor = r.path("nextCursor");
            if (!(boolean) r.path("hasMore")) {
                return cursor;
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
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
