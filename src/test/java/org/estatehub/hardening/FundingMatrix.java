package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.noLeak;
import static org.estatehub.hardening.TenancyMatrix.nothingCreatedIfRefused;
import static org.estatehub.hardening.TenancyMatrix.overseer;
import static org.estatehub.hardening.TenancyMatrix.partnerOf;
import static org.estatehub.hardening.TenancyMatrix.refused;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.unchangedIfRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.FundingFixtures;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The tenancy matrix for funding: programmes, rounds, bids, awards, claims and payments. Only the
 * programme office runs the funding (the s151 officer signs bids off); a partner submits claims on its own
 * awards; the overseers read every partner's claims and payments.
 */
final class FundingMatrix {

    private FundingMatrix() {
    }

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("listProgrammes",         Scope.NONE,          all(200)),
        row("listFundingRounds",      Scope.NONE,          all(200)),
        row("createFundingRound",     Scope.NONE,          201, 403, 403, 403, 403, 403, 403),
        row("getFundingRound",        Scope.NONE,          all(200)),
        row("updateFundingRound",     Scope.NONE,          200, 403, 403, 403, 403, 403, 403),
        row("getFundingRoundHistory", Scope.NONE,          all(200)),
        row("listBids",               Scope.NONE,          all(200)),
        row("createBid",              Scope.OWN,           201, 403, 403, 403, 403, 403, 403),
        row("createBid",              Scope.OTHER,         201, 403, 403, 403, 403, 403, 403),
        row("getBid",                 Scope.OWN,           all(200)),
        row("getBid",                 Scope.OTHER,         all(200)),
        row("updateBid",              Scope.OWN,           200, 403, 403, 403, 403, 403, 403),
        row("updateBid",              Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        row("signOffBid",             Scope.OWN,           403, 403, 403, 200, 403, 403, 403),
        row("signOffBid",             Scope.OTHER,         403, 403, 403, 200, 403, 403, 403),
        row("submitBid",              Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        row("decideBid",              Scope.OWN,           200, 403, 403, 403, 403, 403, 403),
        row("decideBid",              Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        row("getBidHistory",          Scope.OTHER,         all(200)),
        row("listAwards",             Scope.NONE,          all(200)),
        row("exportAwards",           Scope.NONE,          all(200)),
        row("getAward",               Scope.OWN,           all(200)),
        row("getAward",               Scope.OTHER,         all(200)),
        row("getAwardHistory",        Scope.OWN,           all(200)),
        row("getAwardHistory",        Scope.OTHER,         all(200)),
        row("listClaims",             Scope.OWN,           all(200)),
        row("listClaims",             Scope.OTHER,         200, 403, 403, 200, 200, 403, 403),
        row("getClaim",               Scope.OWN,           all(200)),
        row("getClaim",               Scope.OTHER,         200, 403, 403, 200, 200, 403, 403),
        row("submitClaim",            Scope.OWN,           201, 201, 403, 403, 403, 201, 403),
        row("submitClaim",            Scope.OTHER,         201, 403, 403, 403, 403, 403, 403),
        row("approveClaim",           Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        row("rejectClaim",            Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        row("listPayments",           Scope.OWN,           all(200)),
        row("listPayments",           Scope.OTHER,         200, 403, 403, 200, 200, 403, 403),
        row("recordPayment",          Scope.OWN,           201, 403, 403, 403, 403, 403, 403),
        row("recordPayment",          Scope.OTHER,         201, 403, 403, 403, 403, 403, 403),
        row("getFundingSummary",      Scope.NONE,          all(200)));

    static void exercise(Case c) {
        switch (c.operation()) {
            case "listProgrammes" -> expect(c, c.caller().api().get("/programmes"));
            case "listFundingRounds" -> expect(c, c.caller().api().get("/funding-rounds"));
            case "createFundingRound" -> createFundingRound(c);
            case "getFundingRound" -> expect(c, c.caller().api().get("/funding-rounds/" + FundingFixtures.openRound("OPE")));
            case "updateFundingRound" -> updateFundingRound(c);
            case "getFundingRoundHistory" -> expect(c, c.caller().api()
                    .get("/funding-rounds/" + FundingFixtures.openRound("OPE") + "/history"));
            case "listBids" -> expect(c, c.caller().api().get("/bids"));
            case "createBid" -> createBid(c);
            case "getBid" -> expect(c, c.caller().api().get("/bids/" + bid(c, "DRAFT")));
            case "updateBid" -> updateBid(c);
            case "signOffBid", "submitBid", "decideBid" -> moveBid(c);
            case "getBidHistory" -> expect(c, c.caller().api().get("/bids/" + bid(c, "SUBMITTED") + "/history"));
            case "listAwards" -> expect(c, c.caller().api().get("/awards"));
            case "exportAwards" -> exportAwards(c);
            case "getAward" -> expect(c, c.caller().api().get("/awards/" + award(c, "LRF")));
            case "getAwardHistory" -> getAwardHistory(c);
            case "listClaims" -> listClaims(c);
            case "getClaim" -> getClaim(c);
            case "submitClaim" -> submitClaim(c);
            case "approveClaim", "rejectClaim" -> decideClaim(c);
            case "listPayments" -> listPayments(c);
            case "recordPayment" -> recordPayment(c);
            case "getFundingSummary" -> expect(c, c.caller().api().get("/funding/summary"));
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    /**
     * Awards and their released amounts are readable by everyone, so the 360Giving export holds every
     * award for every caller: the same grants as the programme office's export, none left out, none added.
     */
    private static void exportAwards(Case c) {
        Response r = c.caller().api().get("/awards/export");
        expect(c, r);
        assertEquals(Api.as("pmo.admin").get("/awards/export").jsonPath().getList("grants.id"),
                r.jsonPath().getList("grants.id"), c + ": grants differ from the programme office's");
        assertEquals((int) Api.as("pmo.admin").get("/awards?limit=1").path("total"), r.jsonPath().getList("grants").size(),
                c + ": one grant per award");
    }

    private static void createFundingRound(Case c) {
        int before = Api.as("pmo.admin").get("/funding-rounds?limit=1").path("total");
        LocalDate today = LocalDate.now();
        Response r = c.caller().api().body(Map.of("programme", "OPE", "name", "Matrix round " + AssetFixtures.token(),
                "opensOn", today.toString(), "closesOn", today.plusDays(30).toString(), "status", "OPEN"))
                .post("/funding-rounds");
        expect(c, r);
        if (refused(c)) {
            assertEquals(before, (int) Api.as("pmo.admin").get("/funding-rounds?limit=1").path("total"),
                    c + ": a refused create left a round behind");
        }
    }

    private static void updateFundingRound(Case c) {
        String path = "/funding-rounds/" + FundingFixtures.openRound("OPE");
        Response before = Api.as("pmo.admin").get(path);
        Map<String, Object> input = new HashMap<>();
        input.put("programme", before.path("programme"));
        input.put("name", "Renamed round " + AssetFixtures.token());
        input.put("opensOn", before.path("opensOn"));
        input.put("closesOn", before.path("closesOn"));
        input.put("status", "CLOSED");
        Response r = c.caller().api().header("If-Match", before.header("ETag")).body(input).put(path);
        expect(c, r);
        unchangedIfRefused(c, path, before);
    }

    private static void createBid(Case c) {
        String round = FundingFixtures.openRound("OPE");
        String project = FundingFixtures.project(partnerOf(c));
        Response r = c.caller().api().body(Map.of("roundId", round, "title", "Matrix bid " + AssetFixtures.token(),
                "lines", List.of(FundingFixtures.line(project, "1000.00", "Survey")))).post("/bids");
        expect(c, r);
        nothingCreatedIfRefused(c, "/bids?projectId=" + project);
    }

    private static void updateBid(Case c) {
        String path = "/bids/" + bid(c, "DRAFT");
        Response before = Api.as("pmo.admin").get(path);
        Map<String, Object> input = Map.of("roundId", before.path("roundId"), "title", "Revised " + AssetFixtures.token(),
                "lines", List.of(FundingFixtures.line(before.path("lines[0].projectId"), "900.00", "Survey")));
        Response r = c.caller().api().header("If-Match", before.header("ETag")).body(input).put(path);
        expect(c, r);
        unchangedIfRefused(c, path, before);
        unchangedIfRefused(c, path + "/history", Api.as("pmo.admin").get(path + "/history"));
    }

    /** Sign-off, submission or decision, each from the status it applies to. */
    private static void moveBid(Case c) {
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

    /** Anyone reads an award's history; only its partner and the overseers read the claims' details in it. */
    private static void getAwardHistory(Case c) {
        String award = award(c, "OPE");
        String invoice = "INV-" + AssetFixtures.token();
        Api.as("pmo.admin").body(FundingFixtures.claim(invoice, "10.00", "Survey"))
                .post("/awards/" + award + "/claims").then().statusCode(201);
        Response r = c.caller().api().get("/awards/" + award + "/history");
        expect(c, r);
        boolean readsDetails = c.scope() == Scope.OWN || overseer(c.caller());
        assertEquals(readsDetails, r.asString().contains(invoice), c + ": the claim's invoice in the history");
    }

    private static void listClaims(Case c) {
        String token = AssetFixtures.token();
        String award = award(c, "OPE");
        Api.as("pmo.admin").body(FundingFixtures.claim("INV-" + token, "10.00", "Survey"))
                .post("/awards/" + award + "/claims").then().statusCode(201);
        Response r = c.caller().api().get("/awards/" + award + "/claims");
        expect(c, r);
        noLeak(c, r, token);
        if (!refused(c)) {
            assertTrue(r.asString().contains(token), c + ": the claim is listed");
        }
    }

    private static void getClaim(Case c) {
        String token = AssetFixtures.token();
        String claim = Api.as("pmo.admin").body(FundingFixtures.claim("INV-" + token, "10.00", "Survey"))
                .post("/awards/" + award(c, "OPE") + "/claims").then().statusCode(201).extract().path("id");
        Response r = c.caller().api().get("/claims/" + claim);
        expect(c, r);
        noLeak(c, r, token);
        if (!refused(c)) {
            assertTrue(r.asString().contains(token), c + ": the claim is read");
            assertEquals("\"" + r.path("version") + "\"", r.header("ETag"), c + ": the claim's ETag");
        }
    }

    private static void submitClaim(Case c) {
        String path = "/awards/" + award(c, "OPE");
        Response before = Api.as("pmo.admin").get(path);
        Response claims = Api.as("pmo.admin").get(path + "/claims");
        Response r = c.caller().api().body(FundingFixtures.claim("INV-" + AssetFixtures.token(), "10.00", "Survey"))
                .post(path + "/claims");
        expect(c, r);
        unchangedIfRefused(c, path, before);
        unchangedIfRefused(c, path + "/claims", claims);
    }

    /** Approval or rejection of a claim just submitted by the programme office. */
    private static void decideClaim(Case c) {
        String path = "/awards/" + award(c, "OPE");
        String claim = Api.as("pmo.admin").body(FundingFixtures.claim("INV-" + AssetFixtures.token(), "10.00", "Survey"))
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

    private static void listPayments(Case c) {
        String token = AssetFixtures.token();
        String award = award(c, "LRF");
        Api.as("pmo.admin").body(Map.of("amount", FundingFixtures.money("10.00"), "paidOn",
                LocalDate.now().toString(), "reference", "PAY-" + token))
                .post("/awards/" + award + "/payments").then().statusCode(201);
        Response r = c.caller().api().get("/awards/" + award + "/payments");
        expect(c, r);
        noLeak(c, r, token);
        if (!refused(c)) {
            assertTrue(r.asString().contains(token), c + ": the payment is listed");
        }
    }

    private static void recordPayment(Case c) {
        String path = "/awards/" + award(c, "LRF");
        Response before = Api.as("pmo.admin").get(path);
        Response payments = Api.as("pmo.admin").get(path + "/payments");
        Response r = c.caller().api().body(Map.of("amount", FundingFixtures.money("10.00"), "paidOn",
                LocalDate.now().toString(), "reference", "PAY-" + AssetFixtures.token())).post(path + "/payments");
        expect(c, r);
        unchangedIfRefused(c, path, before);
        unchangedIfRefused(c, path + "/payments", payments);
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
}
