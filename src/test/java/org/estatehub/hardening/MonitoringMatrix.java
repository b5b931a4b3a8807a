package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.refused;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;

import io.restassured.response.Response;

/** The tenancy matrix for the monitoring returns to OPE and the dashboards. */
final class MonitoringMatrix {

    private MonitoringMatrix() {
    }

    /**
     * Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer.
     * The dashboards' rows of scope NONE read the whole partnership; those of scope OTHER and OTHER_PRIVATE
     * filter by the authority of another partner's project, or of its OWNER_ONLY asset.
     */
    static final List<Row> TABLE = List.of(
        row("listMonitoringReturns",   Scope.NONE,          all(200)),
        row("submitMonitoringReturn",  Scope.NONE,          201, 403, 403, 403, 403, 403, 403),
        row("previewMonitoringReturn", Scope.NONE,          all(200)),
        row("getMonitoringReturn",     Scope.NONE,          all(200)),
        row("getFundingDashboard",     Scope.NONE,          all(200)),
        row("getPipelineDashboard",    Scope.NONE,          all(200)),
        row("getPipelineDashboard",    Scope.OTHER,         all(200)),
        row("getAssetDashboard",       Scope.NONE,          all(200)),
        row("getAssetDashboard",       Scope.OTHER_PRIVATE, all(200)),
        row("getMouCoverageDashboard", Scope.NONE,          all(200)));

    /**
     * An authority outside the area is listed only when the caller sees an asset there: Dover's OWNER_ONLY
     * asset in the Orkney Islands (where no other test registers one) must not show as a group to those
     * who may not see it, not even with its figures hidden.
     */
    private static void getAssetDashboard(Case c) {
        if (c.scope() == Scope.OTHER_PRIVATE) {
            filteredAssetDashboard(c);
            return;
        }
        org.estatehub.testing.AssetFixtures.createId("pmo.admin", org.estatehub.testing.AssetFixtures.with(
                org.estatehub.testing.AssetFixtures.asset("Dashboard " + org.estatehub.testing.AssetFixtures.token(),
                        58.98, -2.96),
                "ownerPartnerId", TenancyMatrix.OTHER_PARTNER, "visibility", "OWNER_ONLY",
                "localAuthority", "S12000023"));
        var r = c.caller().api().get("/dashboards/assets");
        expect(c, r);
        if (r.statusCode() == 200) {
            org.junit.jupiter.api.Assertions.assertEquals(TenancyMatrix.seesAllAssets(c.caller()),
                    r.asString().contains("S12000023"), c + ": the OWNER_ONLY asset's authority in byLocalAuthority");
        }
    }

    /**
     * Filtered by the Orkney Islands, where only Dover's OWNER_ONLY assets sit: the filter names the
     * authority, so its group is always listed, but those who may not see the assets get zeros everywhere
     * and no Dover line, exactly as if there were none.
     */
    private static void filteredAssetDashboard(Case c) {
        AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Filtered dashboard " + AssetFixtures.token(), 58.98, -2.96),
                "ownerPartnerId", TenancyMatrix.OTHER_PARTNER, "visibility", "OWNER_ONLY", "localAuthority", "S12000023"));
        var r = c.caller().api().get("/dashboards/assets?localAuthority=S12000023");
        expect(c, r);
        var dashboard = r.jsonPath();
        assertEquals(List.of("S12000023"), dashboard.getList("byLocalAuthority.localAuthority"), c.toString());
        int count = dashboard.getInt("byLocalAuthority[0].count");
        assertEquals(dashboard.getInt("total.count"), count, c.toString());
        if (TenancyMatrix.seesAllAssets(c.caller())) {
            org.junit.jupiter.api.Assertions.assertTrue(count >= 1, c + ": " + r.asString());
            assertEquals(List.of(TenancyMatrix.OTHER_PARTNER), dashboard.getList("byPartner.key"), c.toString());
        } else {
            assertEquals(0, count, c + ": the filter revealed another partner's OWNER_ONLY assets: " + r.asString());
            assertEquals("0.00", dashboard.getString("byLocalAuthority[0].grossInternalAreaM2"), c.toString());
            assertEquals("0.00", dashboard.getString("byLocalAuthority[0].annualRunningCost.amount"), c.toString());
            assertEquals(List.of(), dashboard.getList("byStatus"), c.toString());
            assertEquals(List.of(), dashboard.getList("byPartner"), c.toString());
        }
    }

    /** Filtered by Dover's district: every caller reads the pipeline, and sees that district alone. */
    private static void filteredPipelineDashboard(Case c) {
        var r = c.caller().api().get("/dashboards/pipeline?localAuthority=E07000108");
        expect(c, r);
        var dashboard = r.jsonPath();
        assertEquals(List.of("E07000108"), dashboard.getList("byLocalAuthority.localAuthority"), c.toString());
        assertEquals(dashboard.getInt("total"), dashboard.getInt("byLocalAuthority[0].count"), c.toString());
    }

    static void exercise(Case c) {
        switch (c.operation()) {
            case "listMonitoringReturns" -> expect(c, c.caller().api().get("/monitoring-returns"));
            case "submitMonitoringReturn" -> submitMonitoringReturn(c);
            case "previewMonitoringReturn" -> expect(c, c.caller().api().get("/monitoring-returns/preview?period=2026-Q3"));
            case "getMonitoringReturn" -> getMonitoringReturn(c);
            case "getFundingDashboard" -> expect(c, c.caller().api().get("/dashboards/funding"));
            case "getPipelineDashboard" -> {
                if (c.scope() == Scope.OTHER) {
                    filteredPipelineDashboard(c);
                } else {
                    expect(c, c.caller().api().get("/dashboards/pipeline"));
                }
            }
            case "getAssetDashboard" -> getAssetDashboard(c);
            case "getMouCoverageDashboard" -> expect(c, c.caller().api().get("/dashboards/mou-coverage"));
            default -> throw new AssertionError("no request written for " + c.operation());
        }
    }

    private static void submitMonitoringReturn(Case c) {
        // One quarter per caller, none of them used by any other test: a submitted return never changes.
        String period = (2011 + c.caller().ordinal()) + "-Q1";
        int before = Api.as("pmo.admin").get("/monitoring-returns").path("total");
        Response r = c.caller().api().body(Map.of("period", period, "narrative", "Matrix " + AssetFixtures.token()))
                .post("/monitoring-returns");
        expect(c, r);
        if (refused(c)) {
            Api.as("pmo.admin").get("/monitoring-returns/" + period).then().statusCode(404);
            assertEquals(before, (int) Api.as("pmo.admin").get("/monitoring-returns").path("total"),
                    c + ": a refused submission left a return behind");
        }
    }

    /** A return no other test submits, submitted once by the programme office, read by every caller. */
    private static void getMonitoringReturn(Case c) {
        String period = "2010-Q2";
        if (Api.as("pmo.admin").get("/monitoring-returns/" + period).statusCode() == 404) {
            Api.as("pmo.admin").body(Map.of("period", period)).post("/monitoring-returns").then().statusCode(201);
        }
        expect(c, c.caller().api().get("/monitoring-returns/" + period));
    }
}
