package org.estatehub.hardening;

import static org.estatehub.hardening.TenancyMatrix.all;
import static org.estatehub.hardening.TenancyMatrix.expect;
import static org.estatehub.hardening.TenancyMatrix.row;
import static org.estatehub.hardening.TenancyMatrix.seesAllAssets;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.estatehub.hardening.TenancyMatrix.Case;
import org.estatehub.hardening.TenancyMatrix.Row;
import org.estatehub.hardening.TenancyMatrix.Scope;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;

import io.restassured.response.Response;

/**
 * The tenancy matrix for the opportunity finder: everyone may ask (200); what the answer holds is the
 * test. Each case lays out its own pair at a random point in the Highlands, 5 m apart and asked for within
 * 10 m, so no other record is a candidate: an occupation ending in six months on a Dover asset, and a
 * candidate asset of Dover's with room. OWN: the caller's partner occupies, the candidate is PARTNERSHIP
 * (everyone finds it). OTHER: Dover occupies (only pmo-admin and board-member find it). OTHER_PRIVATE: the
 * caller's partner occupies but the only room is Dover's OWNER_ONLY asset (everyone finds the occupation;
 * only the readers of everything are offered the asset, the others find the occupation without candidates).
 */
final class OpportunitiesMatrix {

    private OpportunitiesMatrix() {
    }

    /** Expected status per caller: pmo-admin, editor, viewer, s151, board, service editor, service viewer. */
    static final List<Row> TABLE = List.of(
        row("findOccupationOpportunities", Scope.OWN,           all(200)),
        row("findOccupationOpportunities", Scope.OTHER,         all(200)),
        row("findOccupationOpportunities", Scope.OTHER_PRIVATE, all(200)));

    static void exercise(Case c) {
        if (!c.operation().equals("findOccupationOpportunities")) {
            throw new AssertionError("no request written for " + c.operation());
        }
        String token = AssetFixtures.token();
        double lat = 57.9 + ThreadLocalRandom.current().nextDouble(0.5);
        double lon = -5.2 + ThreadLocalRandom.current().nextDouble(1.0);
        String origin = AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Matrix origin " + token, lat, lon), "ownerPartnerId", TenancyMatrix.OTHER_PARTNER));
        String occupier = c.scope() == Scope.OTHER ? TenancyMatrix.OTHER_PARTNER : c.caller().partner;
        // A rent above any other test's, so that the case's occupation is on the readers of everything's first page.
        String rent = "9" + (100000 + ThreadLocalRandom.current().nextInt(800000)) + ".00";
        Api.as("pmo.admin").body(Map.of("occupierPartnerId", occupier, "basis", "LEASE", "areaM2", 100,
                "yearlyRent", Map.of("amount", rent, "currency", "GBP"), "startsOn", "2020-01-01",
                "endsOn", java.time.LocalDate.now(org.estatehub.common.time.PartnershipCalendar.ZONE).plusMonths(6).toString()))
                .post("/assets/" + origin + "/occupations").then().statusCode(201);
        AssetFixtures.createId("pmo.admin", AssetFixtures.with(
                AssetFixtures.asset("Matrix candidate " + token, lat + 0.000045, lon),
                "ownerPartnerId", TenancyMatrix.OTHER_PARTNER,
                "visibility", c.scope() == Scope.OTHER_PRIVATE ? "OWNER_ONLY" : "PARTNERSHIP"));
        boolean found = seesAllAssets(c.caller()) || c.scope() == Scope.OWN;
        boolean listed = seesAllAssets(c.caller()) || c.scope() != Scope.OTHER;
        for (String accept : List.of("application/json", "application/geo+json")) {
            Response r = c.caller().api().accept(accept).get("/occupations/opportunities?distanceM=10&limit=100");
            expect(c, r);
            assertEquals(found, r.asString().contains("Matrix candidate " + token), c + " " + accept + ": candidate offered");
            if (accept.equals("application/json")) {
                assertEquals(listed, r.asString().contains(rent), c + ": occupation listed");
            }
        }
    }
}
