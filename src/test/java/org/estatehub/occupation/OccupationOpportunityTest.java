package org.estatehub.occupation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The opportunity finder on a known layout in the Outer Hebrides, far from every other test's assets, with
 * real tokens of five partners. Points were placed with ST_Project on the WGS84 spheroid and rounded to the
 * register's six decimals (north of centre 1: 999.53 m and 1,000.53 m).
 *
 * <p>Centre 1 (57.45N 7.35W): Maidstone's asset (1,000 m², £333,333.33 a year) where Kent Police leases
 * 250 m² until six months from now at £2,400,000.00 rent and £100,000.50 service charge: its running-cost
 * share is 333,333.33 x 250 / 1,000 = 83,333.3325, £83,333.33, so £2,583,333.83 a year ends. Around it:
 * Dover's T1 500 m east (400 m², an outside tenant's 100 m², so 300 free; £10,000.01, share £6,250.01),
 * Sevenoaks's T2 999.5 m north (2,000 m², £1,000.00, share £125.00), Dover's OWNER_ONLY T3 300 m west
 * (5,000 m², no running cost), Maidstone's T4 200 m south (300 m² with 100 m² occupied: 200 free, no room),
 * KCC's T6 1,000.5 m north (exactly 250 m² free: room; £20,000.00, all of it the share).
 *
 * <p>Centre 2 (57.75N 7.35W): NHS's asset (80 shared desks, £50,000.00) where Dover holds a licence of 20
 * desks with a break three months from now (£1,200,000.00 rent, share 50,000 x 20 / 80 = £12,500.00). KCC's
 * T8 300 m east has 30 desks of which Sevenoaks occupies 15 (no room); Maidstone's T9 600 m west has 25
 * desks free (£7,777.77, share 7,777.77 x 20 / 25 = £6,222.216, £6,222.22).
 *
 * <p>Centre 3 (57.45N 6.95W): Dover's OWNER_ONLY asset (1,000 m², £20,000.00) where Kent Police occupies
 * 100 m² for £900,000.00 until eleven months from now; Kent Police's own OWNER_ONLY T10 400 m north (500 m²,
 * £500.00, share £100.00).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OccupationOpportunityTest {

    private static final double C1_LAT = 57.45;
    private static final double C1_LON = -7.35;

    private final String token = AssetFixtures.token();
    private final Map<String, String> ids = new HashMap<>();
    /** The partnership's today, as the service takes it (the horizon's edge is tested to the day). */
    private final LocalDate today = LocalDate.now(PartnershipCalendar.ZONE);

    @BeforeEach
    void layout() {
        if (!ids.isEmpty()) {
            return;
        }
        asset("o1", "maidstone.editor", C1_LAT, C1_LON, "PARTNERSHIP", "1000.00", "333333.33", 0);
        asset("t1", "dover.editor", 57.450000, -7.341672, "PARTNERSHIP", "400.00", "10000.01", 0);
        asset("t2", "sevenoaks.editor", 57.458975, -7.350000, "PARTNERSHIP", "2000.00", "1000.00", 0);
        asset("t3", "dover.editor", 57.450000, -7.354997, "OWNER_ONLY", "5000.00", null, 0);
        asset("t4", "maidstone.editor", 57.448204, -7.350000, "PARTNERSHIP", "300.00", "100.00", 0);
        asset("t6", "kcc.editor", 57.458984, -7.350000, "PARTNERSHIP", "250.00", "20000.00", 0);
        asset("o2", "nhs.editor", 57.75, -7.35, "PARTNERSHIP", "1200.50", "50000.00", 80);
        asset("t8", "kcc.editor", 57.750000, -7.344962, "PARTNERSHIP", "1200.50", "300.00", 30);
        asset("t9", "maidstone.editor", 57.750000, -7.360077, "PARTNERSHIP", "1200.50", "7777.77", 25);
        asset("o3", "dover.editor", 57.45, -6.95, "OWNER_ONLY", "1000.00", "20000.00", 0);
        asset("t10", "police.editor", 57.453592, -6.950000, "OWNER_ONLY", "500.00", "500.00", 0);

        ids.put("occA", occupation("maidstone.editor", "o1", lease("kent-police", "LEASE", 250, null, "2400000.00",
                "100000.50", today.plusMonths(6), null)));
        occupation("dover.editor", "t1", outsideTenant(100, null));
        occupation("maidstone.editor", "t4", outsideTenant(100, null));
        ids.put("occB", occupation("nhs.editor", "o2", lease("dover", "LICENCE", null, 20, "1200000.00", null,
                today.plusYears(5), today.plusMonths(3))));
        occupation("kcc.editor", "t8", lease("sevenoaks", "LICENCE", null, 15, "1.00", null, null, null));
        ids.put("occC", occupation("dover.editor", "o3", lease("kent-police", "MOTO", 100, null, "900000.00", null,
                today.plusMonths(11), null)));
    }

    private void asset(String key, String user, double lat, double lon, String visibility, String area, String cost,
            int desks) {
        Map<String, Object> a = AssetFixtures.with(AssetFixtures.asset("Opp " + key + " " + token, lat, lon),
                "visibility", visibility, "grossInternalAreaM2", Double.valueOf(area), "sharedWorkspaceDesks", desks,
                "annualRunningCost", cost == null ? null : Map.of("amount", cost, "currency", "GBP"));
        ids.put(key, AssetFixtures.createId(user, a));
    }

    private static Map<String, Object> lease(String occupier, String basis, Integer area, Integer desks, String rent,
            String serviceCharge, LocalDate endsOn, LocalDate breakOn) {
        Map<String, Object> o = new HashMap<>();
        o.put("occupierPartnerId", occupier);
        o.put("basis", basis);
        if (area != null) {
            o.put("areaM2", area);
        }
        if (desks != null) {
            o.put("desks", desks);
        }
        o.put("yearlyRent", Map.of("amount", rent, "currency", "GBP"));
        if (serviceCharge != null) {
            o.put("yearlyServiceCharge", Map.of("amount", serviceCharge, "currency", "GBP"));
        }
        o.put("startsOn", "2020-01-01");
        if (endsOn != null) {
            o.put("endsOn", endsOn.toString());
        }
        if (breakOn != null) {
            o.put("breakOn", breakOn.toString());
        }
        return o;
    }

    private static Map<String, Object> outsideTenant(Integer area, Integer desks) {
        Map<String, Object> o = lease(null, "LEASE", area, desks, "1.00", null, null, null);
        o.remove("occupierPartnerId");
        o.put("occupierName", "Outside tenant");
        return o;
    }

    private String occupation(String user, String assetKey, Map<String, Object> body) {
        return Api.as(user).body(body).post("/assets/" + ids.get(assetKey) + "/occupations").then().statusCode(201)
                .extract().path("id");
    }

    private JsonPath find(String user, String query) {
        return Api.as(user).get("/occupations/opportunities?limit=100" + query).then().statusCode(200).extract()
                .jsonPath();
    }

    /** This class's occupations in the answer's order, as "occA:t3,t2" (candidates' keys in order). */
    private List<String> mine(JsonPath page) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> items = page.getList("items");
        for (Map<String, Object> item : items) {
            String key = keyOf((String) item.get("occupationId"));
            if (key == null) {
                continue;
            }
            List<String> candidates = new ArrayList<>();
            for (Object c : (List<?>) item.get("candidates")) {
                candidates.add(keyOf((String) ((Map<?, ?>) c).get("assetId")));
            }
            found.add(key + ":" + String.join(",", candidates));
        }
        return found;
    }

    private String keyOf(String id) {
        return ids.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    private static Map<String, Object> item(JsonPath page, String occupationId) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(i -> occupationId.equals(i.get("occupationId"))).findFirst().orElseThrow();
    }

    private static String amount(Object money) {
        return money == null ? null : (String) ((Map<?, ?>) money).get("amount");
    }

    @Test
    void theProgrammeOfficeSeesEveryOccupationRankedByTheCostThatEndsWithEachCandidateBySaving() {
        JsonPath page = find("pmo.admin", "");
        assertEquals(List.of("occA:t3,t2,t1,t6", "occB:t9", "occC:t10"), mine(page));
        Map<String, Object> a = item(page, ids.get("occA"));
        assertEquals("2400000.00", amount(a.get("yearlyRent")));
        assertEquals("100000.50", amount(a.get("yearlyServiceCharge")));
        assertEquals("83333.33", amount(a.get("runningCostShare")));
        assertEquals("2583333.83", amount(a.get("yearlyCostEnding")));
        assertEquals("END", a.get("event"));
        assertEquals(today.plusMonths(6).toString(), a.get("eventOn"));
        assertEquals(4, a.get("candidateCount"));
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) a.get("candidates");
        assertEquals(List.of("2583333.83", "2583208.83", "2577083.82", "2563333.83"),
                candidates.stream().map(c -> amount(c.get("yearlySaving"))).toList());
        assertEquals(java.util.Arrays.asList(null, "125.00", "6250.01", "20000.00"),
                candidates.stream().map(c -> amount(c.get("runningCostShare"))).toList());
        // T1: 400 m² less the outside tenant's 100; T6: exactly the 250 m² asked for, which is room.
        assertEquals(300.0f, ((Number) candidates.get(2).get("freeAreaM2")).floatValue());
        assertEquals(250.0f, ((Number) candidates.get(3).get("freeAreaM2")).floatValue());
        assertEquals(1000.5f, ((Number) candidates.get(3).get("distanceM")).floatValue(), 0.11f);

        Map<String, Object> b = item(page, ids.get("occB"));
        assertEquals("BREAK", b.get("event"));
        assertEquals(today.plusMonths(3).toString(), b.get("eventOn"));
        assertEquals("12500.00", amount(b.get("runningCostShare")));
        assertEquals("1212500.00", amount(b.get("yearlyCostEnding")));
        Map<?, ?> t9 = (Map<?, ?>) ((List<?>) b.get("candidates")).get(0);
        assertEquals(25, t9.get("freeDesks"));
        assertEquals("6222.22", amount(t9.get("runningCostShare")));
        assertEquals("1206277.78", amount(t9.get("yearlySaving")));

        Map<String, Object> c = item(page, ids.get("occC"));
        assertEquals("Opp o3 " + token, c.get("assetName"));
        assertEquals("902000.00", amount(c.get("yearlyCostEnding")));
        assertEquals("901900.00", amount(((Map<?, ?>) ((List<?>) c.get("candidates")).get(0)).get("yearlySaving")));
    }

    @Test
    void theRadiusHoldsTheAssetAt999Point5MetresAndNotTheOneAt1000Point5() {
        assertEquals(List.of("occA:t3,t2,t1", "occB:t9", "occC:t10"), mine(find("pmo.admin", "&distanceM=1000")));
        assertEquals(List.of("occA:t3,t2,t1,t6", "occB:t9", "occC:t10"), mine(find("pmo.admin", "&distanceM=1001")));
        // Within 350 m: only T3 (300 m from centre 1); T10 is 400 m from centre 3 and T9 600 m from centre 2.
        assertEquals(List.of("occA:t3", "occB:", "occC:"), mine(find("pmo.admin", "&distanceM=350")));
    }

    @Test
    void anOccupationWithNoRoomNearbyIsListedWithoutCandidatesAndTheMonthsBoundTheEvents() {
        // Within 350 m of centre 2 nothing has room (T8, 300 m off, has 15 free desks of the 20 asked for; T9 is
        // 600 m off); within 350 m of centre 3 nothing at all (T10 is 400 m off).
        JsonPath near = find("pmo.admin", "&distanceM=350");
        assertEquals(List.of("occA:t3", "occB:", "occC:"), mine(near));
        assertEquals(0, item(near, ids.get("occB")).get("candidateCount"));
        // Four months ahead holds only the break of Dover's licence.
        assertEquals(List.of("occB:t9"), mine(find("pmo.admin", "&withinMonths=4")));
        // Kent Police's lease ends exactly six months from today: on the horizon of 6 months, beyond that of 5.
        assertEquals(List.of("occA:t3,t2,t1,t6", "occB:t9"), mine(find("pmo.admin", "&withinMonths=6")));
        assertEquals(List.of("occB:t9"), mine(find("pmo.admin", "&withinMonths=5")));
        // Two candidates listed of four counted.
        Map<String, Object> a = item(find("pmo.admin", "&candidates=2"), ids.get("occA"));
        assertEquals(4, a.get("candidateCount"));
        assertEquals(2, ((List<?>) a.get("candidates")).size());
    }

    @Test
    void aPartnerSeesItsOwnOccupationsAmongTheAssetsItMayRead() {
        // Kent Police: its lease at centre 1 without Dover's OWNER_ONLY T3, and its occupation of Dover's hidden
        // asset at centre 3 without the asset's name or running cost (so without its share in the cost),
        // offered its own OWNER_ONLY T10.
        JsonPath police = find("police.viewer", "");
        assertEquals(List.of("occA:t2,t1,t6", "occC:t10"), mine(police));
        assertFalse(police.prettify().contains("Opp t3 " + token), "Dover's OWNER_ONLY asset offered to Kent Police");
        Map<String, Object> c = item(police, ids.get("occC"));
        assertNull(c.get("assetName"));
        assertNull(c.get("runningCostShare"));
        assertFalse(police.prettify().contains("Opp o3 " + token));
        assertEquals("900000.00", amount(c.get("yearlyCostEnding")));
        assertEquals("899900.00", amount(((Map<?, ?>) ((List<?>) c.get("candidates")).get(0)).get("yearlySaving")));
        // Dover: only its licence at centre 2.
        assertEquals(List.of("occB:t9"), mine(find("dover.editor", "")));
        // Maidstone owns O1 and T9 but occupies none of these: none of them is its move to make.
        assertEquals(List.of(), mine(find("maidstone.editor", "")));
        // Sevenoaks occupies T8's desks, which end never: nothing.
        assertEquals(List.of(), mine(find("sevenoaks.editor", "")));
    }

    /**
     * Centre 4 (57.15N 7.35W): where an asset has workspaces, its free desks are their unallocated desks, not
     * its sharedWorkspaceDesks. NHS licences 10 desks in KCC's asset (no desks of its own to share the running
     * cost by, so £800,000.00 ends) until two months from now; Maidstone's asset 300 m north has 50
     * sharedWorkspaceDesks but a workspace of 12 with 4 allocated (8 free: no room); Dover's 300 m south, a
     * workspace of 12 with 2 allocated (exactly 10 free: room; 1,200.00 x 10 / 12 = £1,000.00).
     */
    @Test
    void workspacesFreeDesksAreTheirUnallocatedDesks() {
        asset("o4", "kcc.editor", 57.15, -7.35, "PARTNERSHIP", "1000.00", "10000.00", 0);
        asset("t11", "maidstone.editor", 57.152694, -7.350000, "PARTNERSHIP", "1000.00", "100.00", 50);
        asset("t12", "dover.editor", 57.147306, -7.350000, "PARTNERSHIP", "1000.00", "1200.00", 0);
        String t11 = workspace("maidstone.editor", "t11");
        Api.as("maidstone.editor").body(Map.of("desks", 4)).put("/workspaces/" + t11 + "/allocations/maidstone")
                .then().statusCode(200);
        String t12 = workspace("dover.editor", "t12");
        Api.as("dover.editor").body(Map.of("desks", 2)).put("/workspaces/" + t12 + "/allocations/dover")
                .then().statusCode(200);
        // Not put in ids, so that the other tests' lists of this class's occupations (mine()) leave it out.
        String occupation = occupation("kcc.editor", "o4", lease("nhs-kent-medway", "LICENCE", null, 10, "800000.00",
                null, today.plusMonths(2), null));
        Map<String, Object> item = item(find("nhs.editor", "&distanceM=1000"), occupation);
        assertEquals("800000.00", amount(item.get("yearlyCostEnding")));
        assertNull(item.get("runningCostShare"));
        assertEquals(1, item.get("candidateCount"));
        Map<?, ?> candidate = (Map<?, ?>) ((List<?>) item.get("candidates")).get(0);
        assertEquals(ids.get("t12"), candidate.get("assetId"));
        assertEquals(10, candidate.get("freeDesks"));
        assertEquals("1000.00", amount(candidate.get("runningCostShare")));
        assertEquals("799000.00", amount(candidate.get("yearlySaving")));
    }

    private String workspace(String user, String assetKey) {
        return Api.as(user).body(Map.of("name", "Hub", "zones", List.of(Map.of("name", "North", "desks", 12))))
                .post("/assets/" + ids.get(assetKey) + "/workspaces").then().statusCode(201).extract().path("id");
    }

    @Test
    void geoJsonHasOnePointPerListedCandidateInTheListsOrder() {
        JsonPath list = find("police.viewer", "");
        JsonPath geo = Api.as("police.viewer").accept("application/geo+json")
                .get("/occupations/opportunities?limit=100").then().statusCode(200)
                .contentType("application/geo+json").extract().jsonPath();
        assertEquals("FeatureCollection", geo.getString("type"));
        assertEquals(list.getLong("total"), geo.getLong("total"));
        List<String> fromList = new ArrayList<>();
        List<Map<String, Object>> items = list.getList("items");
        for (Map<String, Object> item : items) {
            for (Object c : (List<?>) item.get("candidates")) {
                fromList.add(item.get("occupationId") + ":" + ((Map<?, ?>) c).get("assetId"));
            }
        }
        assertEquals(fromList, geo.getList("features.id", String.class));
        int t2 = geo.getList("features.id", String.class).indexOf(ids.get("occA") + ":" + ids.get("t2"));
        assertEquals(List.of(-7.35f, 57.458975f), geo.getList("features[" + t2 + "].geometry.coordinates", Float.class));
        assertEquals("2583208.83", geo.getString("features[" + t2 + "].properties.yearlySaving.amount"));
    }
}
