package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.AssetFixtures;

import io.restassured.response.Response;

/** The tenancy matrix for GET /data-quality. */
final class DataQualityMatrix {

    private DataQualityMatrix() {
    }

    /** Ceredigion, where only this table registers assets. */
    private static final String AUTHORITY = "W06000008";

    /**
     * Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer.
     * OWN: the caller's own partner (the default); OTHER: `partner=dover`; NONE: `scope=PARTNERSHIP`.
     */
    static final List<Row> TABLE = List.of(
        row("getDataQuality", Scope.OWN,   TenancyMatrix.all(200)),
        row("getDataQuality", Scope.OTHER, 200, 403, 403, 403, 200, 403, 403),
        row("getDataQuality", Scope.NONE,  200, 403, 403, 403, 200, 403, 403));

    static void exercise(Case c) {
        switch (c.scope()) {
            case OWN -> own(c);
            case OTHER -> other(c);
            case NONE -> partnership(c);
            default -> throw new AssertionError("no request written for " + c);
        }
    }

    private static String asset(String owner, String uprn, String visibility) {
        return AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Quality " + AssetFixtures.token(), 52.2, -4.1), "ownerPartnerId", owner,
                "localAuthority", AUTHORITY, "uprn", uprn, "visibility", visibility));
    }

    /**
     * The caller's own report: a UPRN it shares with Dover's PARTNERSHIP asset is listed for everyone; one it
     * shares only with Dover's OWNER_ONLY asset is listed, with that asset, only for those who read it.
     */
    private static void own(Case c) {
        String seen = AssetFixtures.uprn();
        String hidden = AssetFixtures.uprn();
        asset(c.caller().partner, seen, "PARTNERSHIP");
        asset(c.caller().partner, hidden, "PARTNERSHIP");
        String doversShared = asset(TenancyMatrix.OTHER_PARTNER, seen, "PARTNERSHIP");
        String doversPrivate = asset(TenancyMatrix.OTHER_PARTNER, hidden, "OWNER_ONLY");
        Response r = c.caller().api().get("/data-quality?localAuthority=" + AUTHORITY + "&listLimit=500");
        expect(c, r);
        assertEquals(c.caller().partner, r.path("partner"), c.toString());
        List<String> uprns = r.jsonPath().getList("sharedUprns.items.uprn");
        assertEquals(true, uprns.contains(seen), c + ": " + r.asString());
        assertEquals(true, r.asString().contains(doversShared), c.toString());
        boolean seesAll = TenancyMatrix.seesAllAssets(c.caller());
        assertEquals(seesAll, uprns.contains(hidden), c + ": a UPRN shared only with an OWNER_ONLY asset");
        assertEquals(seesAll, r.asString().contains(doversPrivate), c + ": another partner's OWNER_ONLY asset");
    }

    /** Dover's report counts its OWNER_ONLY assets: only those who read them may ask for it. */
    private static void other(Case c) {
        String marker = asset(TenancyMatrix.OTHER_PARTNER, AssetFixtures.uprn(), "OWNER_ONLY");
        Response r = c.caller().api().get("/data-quality?partner=dover&localAuthority=" + AUTHORITY + "&listLimit=500");
        expect(c, r);
        TenancyMatrix.noLeak(c, r, marker);
        if (!TenancyMatrix.refused(c)) {
            assertEquals("dover", r.path("partner"), c.toString());
            assertFalse(r.jsonPath().getInt("assets") < 1, c.toString());
        }
    }

    private static void partnership(Case c) {
        Response r = c.caller().api().get("/data-quality?scope=PARTNERSHIP&localAuthority=" + AUTHORITY + "&listLimit=1");
        expect(c, r);
        if (!TenancyMatrix.refused(c)) {
            assertEquals("PARTNERSHIP", r.path("scope"), c.toString());
        }
    }
}
