package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.unchangedIfRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.DisposalFixtures;

import io.restassured.response.Response;

/**
 * The tenancy matrix for what released land delivered (homes by financial year) and the land release
 * dashboard. A disposal's completion is published to every partner, so everyone reads the homes and the
 * dashboard, also for a disposal of an OWNER_ONLY asset (whose register fields never appear); only the
 * partner holding the land (here the former owner of a sale) and the programme office record homes.
 */
final class LandReleaseMatrix {

    private LandReleaseMatrix() {
    }

    /** Angus: outside the partnership, where no other test registers anything. */
    private static final String ANGUS = "S12000041";

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("getHomesDelivered",       Scope.OWN,           all(200)),
        row("getHomesDelivered",       Scope.OTHER_PRIVATE, all(200)),
        row("recordHomesDelivered",    Scope.OWN,           201, 201, 403, 403, 403, 201, 403),
        row("recordHomesDelivered",    Scope.OTHER,         201, 403, 403, 403, 403, 403, 403),
        row("recordHomesDelivered",    Scope.OTHER_PRIVATE, 201, 403, 403, 403, 403, 403, 403),
        row("getLandReleaseDashboard", Scope.NONE,          all(200)),
        row("getLandReleaseDashboard", Scope.OTHER_PRIVATE, all(200)));

    static void exercise(Case c) {
        switch (c.operation()) {
            case "getHomesDelivered" -> getHomesDelivered(c);
            case "recordHomesDelivered" -> recordHomesDelivered(c);
            case "getLandReleaseDashboard" -> getLandReleaseDashboard(c);
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    /** A sale completed by the case's partner (the caller's own, or Dover's), of an asset of the case's scope. */
    private static UUID sale(Case c, String localAuthority) {
        String owner = TenancyMatrix.partnerOf(c);
        String asset = AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Matrix sale " + AssetFixtures.token(), 51.27, 0.52), "ownerPartnerId", owner,
                "visibility", c.scope() == Scope.OTHER_PRIVATE ? "OWNER_ONLY" : "PARTNERSHIP",
                "localAuthority", localAuthority));
        return DisposalFixtures.insert(DisposalFixtures.of(asset, owner, "SOLD")
                .completed(LocalDate.of(2024, 5, 31), "765432.10", "0.6543", 21));
    }

    private static void getHomesDelivered(Case c) {
        UUID disposal = sale(c, "E07000110");
        Api.as("pmo.admin").body(Map.of("homesPermitted", 21, "homesStarted", 9, "homesCompleted", 2))
                .put("/disposals/" + disposal + "/homes-delivered/2024-25").then().statusCode(201);
        Response r = c.caller().api().get("/disposals/" + disposal + "/homes-delivered");
        expect(c, r);
        assertEquals(2, (int) r.path("totals.homesCompleted"), c.toString());
        // Only the disposal's own facts: nothing of the asset's register.
        assertFalse(r.asString().contains("annualRunningCost") || r.asString().contains("Matrix sale"), c.toString());
    }

    private static void recordHomesDelivered(Case c) {
        UUID disposal = sale(c, "E07000110");
        String path = "/disposals/" + disposal + "/homes-delivered";
        Response before = Api.as("pmo.admin").get(path);
        Response history = TenancyMatrix.refused(c) ? null : before;
        Response r = c.caller().api().body(Map.of("homesPermitted", 21, "homesStarted", 9, "homesCompleted", 2))
                .put(path + "/2024-25");
        expect(c, r);
        unchangedIfRefused(c, path, before);
        if (history != null) {
            assertEquals(1, Api.as("pmo.admin").get(path).jsonPath().getList("years").size(), c.toString());
        }
    }

    /**
     * Filtered by Angus, where only this case's sale of a fresh partner's OWNER_ONLY asset
     * sits: every caller reads the same row, its receipt to the penny.
     */
    private static void getLandReleaseDashboard(Case c) {
        if (c.scope() == Scope.NONE) {
            expect(c, c.caller().api().get("/dashboards/land-release"));
            return;
        }
        String token = AssetFixtures.token();
        String partner = "tm-" + token;
        Api.as("pmo.admin").body(Map.of("id", partner, "name", "Matrix " + token, "type", "OTHER")).post("/partners")
                .then().statusCode(201);
        String asset = AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Matrix sale " + token, 56.64, -2.89), "ownerPartnerId", partner,
                "visibility", "OWNER_ONLY", "localAuthority", ANGUS));
        DisposalFixtures.insert(DisposalFixtures.of(asset, partner, "SOLD")
                .completed(LocalDate.of(2024, 5, 31), "765432.10", "0.6543", 21));
        Response r = c.caller().api().get("/dashboards/land-release?localAuthority=" + ANGUS);
        expect(c, r);
        var json = r.jsonPath();
        assertEquals("765432.10", json.getString("byYearAndPartner.find { it.partnerId == '" + partner
                + "' }.capitalReceipts.amount"), c.toString());
        assertFalse(r.asString().contains("Matrix sale"), c + ": the OWNER_ONLY asset's name");
    }
}
