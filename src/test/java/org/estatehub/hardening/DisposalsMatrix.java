package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.noLeak;
import static org.estatehub.hardening.TenancyMatrix.overseer;
import static org.estatehub.hardening.TenancyMatrix.refused;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.unchangedIfRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;

import io.restassured.response.Response;

/**
 * The tenancy matrix for disposals (#17). A disposal is everyone's to read, even for an OWNER_ONLY asset
 * (OTHER_PRIVATE); the owner's editors and pmo-admin decide on it. An expression of interest is read by its
 * partner, the disposal's owner and the overseers (s151-officer included): OWN is an interest of the
 * caller's partner in Dover's disposal, OTHER Sevenoaks' interest in Dover's disposal, which no caller but
 * the overseers may see.
 */
final class DisposalsMatrix {

    private DisposalsMatrix() {
    }

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("listDisposals",               Scope.NONE,          all(200)),
        row("exportDisposals",             Scope.NONE,          all(200)),
        row("declareDisposal",             Scope.OWN,           201, 201, 403, 403, 403, 201, 403),
        row("declareDisposal",             Scope.OTHER,         201, 403, 403, 403, 403, 403, 403),
        row("declareDisposal",             Scope.OTHER_PRIVATE, 201, 404, 404, 404, 403, 404, 404),
        row("getDisposal",                 Scope.OTHER_PRIVATE, all(200)),
        row("getDisposalHistory",          Scope.OTHER_PRIVATE, all(200)),
        row("agreeDisposalTransfer",       Scope.OWN,           200, 200, 403, 403, 403, 200, 403),
        row("agreeDisposalTransfer",       Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        // The window of a fresh disposal is open: the owner's side is refused for that (409), others before it.
        row("releaseDisposalToOpenMarket", Scope.OTHER,         409, 403, 403, 403, 403, 403, 403),
        row("withdrawDisposal",            Scope.OWN,           200, 200, 403, 403, 403, 200, 403),
        row("withdrawDisposal",            Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        row("completeDisposal",            Scope.OTHER,         200, 403, 403, 403, 403, 403, 403),
        row("listDisposalInterests",       Scope.OTHER,         all(200)),
        row("registerDisposalInterest",    Scope.OWN,           403, 403, 403, 403, 403, 403, 403),
        row("registerDisposalInterest",    Scope.OTHER,         201, 201, 403, 403, 403, 201, 403),
        row("getDisposalInterest",         Scope.OWN,           all(200)),
        row("getDisposalInterest",         Scope.OTHER,         200, 404, 404, 200, 200, 404, 404),
        row("getDisposalInterestHistory",  Scope.OWN,           all(200)),
        row("getDisposalInterestHistory",  Scope.OTHER,         200, 404, 404, 200, 200, 404, 404),
        row("shortlistDisposalInterest",   Scope.OTHER,         200, 404, 404, 403, 403, 404, 404),
        row("declineDisposalInterest",     Scope.OTHER,         200, 404, 404, 403, 403, 404, 404),
        row("withdrawDisposalInterest",    Scope.OWN,           200, 200, 403, 403, 403, 200, 403),
        row("withdrawDisposalInterest",    Scope.OTHER,         403, 404, 404, 403, 403, 404, 404));

    /** An editor of each caller's partner, to register the caller's partner's own interest. */
    private static final Map<String, String> EDITORS = Map.of("maidstone", "maidstone.editor", "kcc", "kcc.editor",
            "kent-police", "police.editor");

    static void exercise(Case c) {
        switch (c.operation()) {
            case "listDisposals" -> expect(c, c.caller().api().get("/disposals?limit=5"));
            case "exportDisposals" -> expect(c, c.caller().api().accept("text/csv").get("/disposals/export?status=SOLD"));
            case "declareDisposal" -> declare(c);
            case "getDisposal" -> expect(c, c.caller().api().get(disposal(c, AssetFixtures.token())));
            case "getDisposalHistory" -> expect(c, c.caller().api().get(disposal(c, AssetFixtures.token()) + "/history"));
            case "agreeDisposalTransfer" -> agree(c);
            case "releaseDisposalToOpenMarket" -> decide(c, "/open-market-release", null);
            case "withdrawDisposal" -> decide(c, "/withdrawal", Map.of("reason", "Retained"));
            case "completeDisposal" -> complete(c);
            case "listDisposalInterests" -> listInterests(c);
            case "registerDisposalInterest" -> register(c);
            case "getDisposalInterest" -> readInterest(c, "");
            case "getDisposalInterestHistory" -> readInterest(c, "/history");
            case "shortlistDisposalInterest" -> changeInterest(c, "/shortlisting");
            case "declineDisposalInterest" -> changeInterest(c, "/decline");
            case "withdrawDisposalInterest" -> changeInterest(c, "/withdrawal");
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    private static void declare(Case c) {
        String asset = TenancyMatrix.asset(c, AssetFixtures.token());
        Response before = Api.as("pmo.admin").get("/assets/" + asset);
        Response r = c.caller().api().body(declaration(asset)).post("/disposals");
        expect(c, r);
        unchangedIfRefused(c, "/assets/" + asset, before);
        if (refused(c)) {
            assertEquals(0, (int) Api.as("pmo.admin").get("/disposals?ownerPartnerId=" + before.path("ownerPartnerId")
                    + "&limit=500").<List<String>>path("items.asset.id").stream().filter(asset::equals).count(),
                    c + ": a refused declaration left a disposal behind");
        }
    }

    private static void agree(Case c) {
        String path = disposal(c, AssetFixtures.token());
        String interest = interest(path, "sevenoaks.editor");
        Response before = Api.as("pmo.admin").get(path);
        Response interestBefore = Api.as("pmo.admin").get(path + "/interests/" + interest);
        Response r = c.caller().api().header("If-Match", "\"0\"").body(Map.of("interestId", interest))
                .post(path + "/transfer-agreement");
        expect(c, r);
        unchangedIfRefused(c, path, before);
        unchangedIfRefused(c, path + "/interests/" + interest, interestBefore);
    }

    private static void decide(Case c, String suffix, Map<String, Object> body) {
        String path = disposal(c, AssetFixtures.token());
        Response before = Api.as("pmo.admin").get(path);
        Response history = Api.as("pmo.admin").get(path + "/history");
        var request = c.caller().api().header("If-Match", "\"0\"");
        Response r = (body == null ? request : request.body(body)).post(path + suffix);
        expect(c, r);
        unchangedIfRefused(c, path, before);
        unchangedIfRefused(c, path + "/history", history);
    }

    private static void complete(Case c) {
        String path = disposal(c, AssetFixtures.token());
        String interest = interest(path, "sevenoaks.editor");
        Api.as("pmo.admin").header("If-Match", "\"0\"").body(Map.of("interestId", interest))
                .post(path + "/transfer-agreement").then().statusCode(200);
        Response before = Api.as("pmo.admin").get(path);
        String asset = before.path("asset.id");
        Response assetBefore = Api.as("pmo.admin").get("/assets/" + asset);
        Response r = c.caller().api().header("If-Match", "\"1\"").body(Map.of("completedOn", today()))
                .post(path + "/completion");
        expect(c, r);
        unchangedIfRefused(c, path, before);
        unchangedIfRefused(c, "/assets/" + asset, assetBefore);
    }

    private static void listInterests(Case c) {
        String path = disposal(c, AssetFixtures.token());
        String interest = interest(path, "sevenoaks.editor");
        Response r = c.caller().api().get(path + "/interests");
        expect(c, r);
        assertEquals(overseer(c.caller()) ? 1 : 0, (int) r.path("total"), c + ": interests listed");
        if (!overseer(c.caller())) {
            assertFalse(r.asString().contains(interest), c + ": Sevenoaks' interest listed");
        }
    }

    private static void register(Case c) {
        // OWN: the caller's partner's own disposal (first refusal is for the others); OTHER: Dover's.
        String path = disposal(c, AssetFixtures.token());
        Response r = c.caller().api().body(interestBody()).post(path + "/interests");
        expect(c, r);
        if (refused(c)) {
            assertEquals(0, (int) Api.as("pmo.admin").get(path + "/interests").path("total"),
                    c + ": a refused registration left an interest behind");
        }
    }

    private static void readInterest(Case c, String suffix) {
        String path = dispositionFor(c);
        String interest = interest(path, interestAuthor(c));
        Response r = c.caller().api().get(path + "/interests/" + interest + suffix);
        expect(c, r);
        noLeak(c, r, "Proposal");
        noLeak(c, r, "Interested estates");
    }

    private static void changeInterest(Case c, String suffix) {
        String path = dispositionFor(c);
        String interest = interest(path, interestAuthor(c));
        String interestPath = path + "/interests/" + interest;
        Response before = Api.as("pmo.admin").get(interestPath);
        Response r = c.caller().api().header("If-Match", "\"0\"").post(interestPath + suffix);
        expect(c, r);
        noLeak(c, r, "Proposal");
        unchangedIfRefused(c, interestPath, before);
    }

    /** Interests are always in Dover's disposal: OWN and OTHER differ by whose interest it is. */
    private static String dispositionFor(Case c) {
        return offered("dover", "PARTNERSHIP", AssetFixtures.token());
    }

    private static String interestAuthor(Case c) {
        return c.scope() == Scope.OWN ? EDITORS.get(c.caller().partner) : "sevenoaks.editor";
    }

    /** A fresh OFFERED disposal of the case's scope (OWN: the caller's partner's; OTHER*: Dover's). */
    private static String disposal(Case c, String token) {
        String asset = TenancyMatrix.asset(c, token);
        return "/disposals/" + Api.as("pmo.admin").body(declaration(asset)).post("/disposals").then().statusCode(201)
                .extract().path("id");
    }

    private static String offered(String owner, String visibility, String token) {
        String asset = AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Matrix disposal " + token, 51.27, 0.52), "ownerPartnerId", owner,
                "visibility", visibility));
        return "/disposals/" + Api.as("pmo.admin").body(declaration(asset)).post("/disposals").then().statusCode(201)
                .extract().path("id");
    }

    private static String interest(String disposalPath, String editor) {
        return Api.as(editor).body(interestBody()).post(disposalPath + "/interests").then().statusCode(201).extract()
                .path("id");
    }

    private static Map<String, Object> declaration(String asset) {
        return Map.of("assetId", asset, "reason", "Surplus to requirements", "availableFrom", "2027-04-01",
                "offerTypes", List.of("FREEHOLD_SALE"), "siteAreaHectares", 0.5,
                "contact", Map.of("name", "Estates", "email", "estates@example.gov.uk"));
    }

    private static Map<String, Object> interestBody() {
        return Map.of("intendedUse", "HOUSING", "proposal", "Proposal for homes", "timing", "2028",
                "fundingSource", "BLRF", "contact", Map.of("name", "Interested estates", "email", "estates@example.gov.uk"));
    }

    private static String today() {
        return LocalDate.now(PartnershipCalendar.ZONE).toString();
    }
}
