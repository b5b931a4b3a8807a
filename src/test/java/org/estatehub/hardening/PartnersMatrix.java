package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.partnerOf;
import static org.estatehub.hardening.TenancyMatrix.refused;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.unchangedIfRefused;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;

import io.restassured.response.Response;

/** The tenancy matrix for the caller's own view (/me) and the partners. */
final class PartnersMatrix {

    private PartnersMatrix() {
    }

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("getMe",         Scope.NONE,          all(200)),
        row("listPartners",  Scope.NONE,          all(200)),
        row("getPartner",    Scope.OWN,           all(200)),
        row("getPartner",    Scope.OTHER,         all(200)),
        row("createPartner", Scope.NONE,          201, 403, 403, 403, 403, 403, 403),
        row("updatePartner", Scope.OWN,           200, 403, 403, 403, 403, 403, 403),
        row("updatePartner", Scope.OTHER,         200, 403, 403, 403, 403, 403, 403));

    static void exercise(Case c) {
        switch (c.operation()) {
            case "getMe" -> expect(c, c.caller().api().get("/me"));
            case "listPartners" -> expect(c, c.caller().api().get("/partners"));
            case "getPartner" -> expect(c, c.caller().api().get("/partners/" + partnerOf(c)));
            case "createPartner" -> createPartner(c);
            case "updatePartner" -> updatePartner(c);
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    private static void createPartner(Case c) {
        String token = AssetFixtures.token();
        String id = "tm-" + token;
        Response r = c.caller().api().body(Map.of("id", id, "name", "Matrix " + token, "type", "OTHER"))
                .post("/partners");
        expect(c, r);
        if (refused(c)) {
            Api.as("pmo.admin").get("/partners/" + id).then().statusCode(404);
        }
    }

    /** Sends the partner as it is when the write is allowed (so it stays as it is), renamed when refused. */
    private static void updatePartner(Case c) {
        String path = "/partners/" + partnerOf(c);
        Response before = Api.as("pmo.admin").get(path);
        Map<String, Object> same = new HashMap<>();
        same.put("name", before.path("name"));
        same.put("type", before.path("type"));
        if (before.path("shortName") != null) {
            same.put("shortName", before.path("shortName"));
        }
        if (before.path("localAuthority") != null) {
            same.put("localAuthority", before.path("localAuthority"));
        }
        // The partner's email domains too (#18): a replacement without them would clear them.
        if (before.path("emailDomains") != null) {
            same.put("emailDomains", before.path("emailDomains"));
        }
        Map<String, Object> change = new HashMap<>(same);
        change.put("name", "Hijacked " + AssetFixtures.token());
        Map<String, Object> body = refused(c) ? change : same;
        Response r = c.caller().api().header("If-Match", before.header("ETag")).body(body).put(path);
        expect(c, r);
        unchangedIfRefused(c, path, before);
    }
}
