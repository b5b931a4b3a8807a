package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.noLeak;
import static org.estatehub.hardening.TenancyMatrix.nothingCreatedIfRefused;
import static org.estatehub.hardening.TenancyMatrix.overseer;
import static org.estatehub.hardening.TenancyMatrix.partnerOf;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.unchangedIfRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;

import io.restassured.response.Response;

/** The tenancy matrix for MOUs: a partner reads its own; the overseers read every partner's. */
final class MousMatrix {

    private MousMatrix() {
    }

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("listMous",        Scope.OTHER,         all(200)),
        row("createMou",       Scope.NONE,          201, 403, 403, 403, 403, 403, 403),
        row("getMouCoverage",  Scope.NONE,          200, 403, 403, 200, 200, 403, 403),
        row("getMou",          Scope.OWN,           all(200)),
        row("getMou",          Scope.OTHER,         200, 404, 404, 200, 200, 404, 404),
        row("changeMouStatus", Scope.NONE,          200, 403, 403, 403, 403, 403, 403),
        row("getMouHistory",   Scope.OWN,           all(200)),
        row("getMouHistory",   Scope.OTHER,         200, 404, 404, 200, 200, 404, 404));

    static void exercise(Case c) {
        switch (c.operation()) {
            case "listMous" -> listMous(c);
            case "createMou" -> createMou(c);
            case "getMouCoverage" -> expect(c, c.caller().api().get("/mous/coverage"));
            case "getMou" -> getMou(c);
            case "changeMouStatus" -> changeMouStatus(c);
            case "getMouHistory" -> getMouHistory(c);
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    private static void listMous(Case c) {
        Response r = c.caller().api().get("/mous?partner=" + TenancyMatrix.OTHER_PARTNER);
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

    private static void createMou(Case c) {
        String token = AssetFixtures.token();
        String partner = freshPartner(token);
        expect(c, c.caller().api().body(Map.of("partnerId", partner, "documentReference", "MOU-" + token))
                .post("/mous"));
        nothingCreatedIfRefused(c, "/mous?partner=" + partner);
    }

    private static void getMou(Case c) {
        String path = "/mous/" + mouOf(partnerOf(c));
        String reference = Api.as("pmo.admin").get(path).path("documentReference");
        Response r = c.caller().api().get(path);
        expect(c, r);
        noLeak(c, r, reference);
    }

    private static void changeMouStatus(Case c) {
        String mou = Api.as("pmo.admin").body(Map.of("partnerId", freshPartner(AssetFixtures.token()))).post("/mous")
                .then().statusCode(201).extract().path("id");
        String path = "/mous/" + mou;
        Response before = Api.as("pmo.admin").get(path);
        Response history = Api.as("pmo.admin").get(path + "/history");
        Response r = c.caller().api().header("If-Match", before.header("ETag"))
                .body(Map.of("toStatus", "ISSUED", "on", LocalDate.now().toString())).post(path + "/status-changes");
        expect(c, r);
        unchangedIfRefused(c, path, before);
        unchangedIfRefused(c, path + "/history", history);
    }

    private static void getMouHistory(Case c) {
        String mou = mouOf(partnerOf(c));
        Response r = c.caller().api().get("/mous/" + mou + "/history");
        expect(c, r);
        noLeak(c, r, partnerOf(c));
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
}
