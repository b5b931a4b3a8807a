package org.estatehub.occupation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Occupations with real tokens: who reads which terms (owner, occupier, other partners, hidden assets),
 * who writes, the rules naming their fields with nothing saved, If-Match, the derived utilisation, and
 * the same read rules in the history and the change feed.
 */
@QuarkusTest
class OccupationTest {

    /** An asset of Maidstone's (1,200.5 m² gross internal area) with the given sharing. */
    static String maidstoneAsset(String visibility) {
        return AssetFixtures.createId("maidstone.editor", AssetFixtures.with(
                AssetFixtures.asset("Occupied " + AssetFixtures.token(), 51.27, 0.52), "visibility", visibility));
    }

    static Map<String, Object> policeLease() {
        Map<String, Object> o = new HashMap<>();
        o.put("occupierPartnerId", "kent-police");
        o.put("basis", "MOTO");
        o.put("areaM2", 300.25);
        o.put("desks", 24);
        o.put("yearlyRent", Map.of("amount", "48500.10", "currency", "GBP"));
        o.put("yearlyServiceCharge", Map.of("amount", "9200.00", "currency", "GBP"));
        o.put("startsOn", "2024-04-01");
        o.put("endsOn", "2034-03-31");
        o.put("breakOn", "2029-03-31");
        o.put("rentReviewOn", "2027-04-01");
        o.put("landlordName", "Outside Estates Ltd");
        return o;
    }

    static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> copy = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                copy.remove((String) kv[i]);
            } else {
                copy.put((String) kv[i], kv[i + 1]);
            }
        }
        return copy;
    }

    static Response create(String user, String asset, Map<String, Object> body) {
        return Api.as(user).body(body).post("/assets/" + asset + "/occupations");
    }

    @Test
    void ownerRecordsAndOccupierReadsInFullOthersWithoutTerms() {
        String asset = maidstoneAsset("PARTNERSHIP");
        Response created = create("maidstone.editor", asset, policeLease());
        created.then().statusCode(201).header("ETag", notNullValue())
                .body("yearlyRent.amount", equalTo("48500.10")).body("areaM2", equalTo(300.25f))
                .body("current", equalTo(true)).body("commercialTermsWithheld", equalTo(false));
        String id = created.path("id");
        String path = "/occupations/" + id;
        for (String full : List.of("maidstone.editor", "maidstone.viewer", "police.viewer", "pmo.admin", "board.member")) {
            Api.as(full).get(path).then().statusCode(200).body("yearlyRent.amount", equalTo("48500.10"))
                    .body("yearlyServiceCharge.amount", equalTo("9200.00"))
                    .body("landlordName", equalTo("Outside Estates Ltd")).body("commercialTermsWithheld", equalTo(false));
        }
        // Rent is commercially sensitive: a partner that is neither owner nor occupier (nor s151, who reads
        // the register as the accountable body's partner) sees who occupies what until when, not the money.
        for (String other : List.of("dover.editor", "nhs.editor", "s151.officer")) {
            Response r = Api.as(other).get(path);
            r.then().statusCode(200).body("occupierPartnerId", equalTo("kent-police")).body("endsOn", equalTo("2034-03-31"))
                    .body("yearlyRent", nullValue()).body("yearlyServiceCharge", nullValue()).body("landlordName", nullValue())
                    .body("commercialTermsWithheld", equalTo(true));
            assertFalse(r.asString().contains("48500.10"), other + " reads the rent: " + r.asString());
            Response list = Api.as(other).get("/assets/" + asset + "/occupations");
            list.then().statusCode(200).body("total", equalTo(1)).body("items[0].commercialTermsWithheld", equalTo(true));
            assertFalse(list.asString().contains("48500.10"), other + " reads the rent in the list");
        }
    }

    @Test
    void ownerOnlyAssetsOccupationsAreTheOwnersAndTheOccupiersOnly() {
        String asset = maidstoneAsset("OWNER_ONLY");
        String police = create("maidstone.editor", asset, policeLease()).then().statusCode(201).extract().path("id");
        String nhs = create("maidstone.editor", asset, with(policeLease(), "occupierPartnerId", "nhs-kent-medway",
                "yearlyRent", Map.of("amount", "777.77", "currency", "GBP"))).then().statusCode(201).extract().path("id");
        Api.as("maidstone.viewer").get("/assets/" + asset + "/occupations").then().statusCode(200).body("total", equalTo(2));
        Api.as("pmo.admin").get("/assets/" + asset + "/occupations").then().statusCode(200).body("total", equalTo(2));
        // The occupier cannot read the asset, but reads its own occupation of it, and only that one.
        Api.as("police.editor").get("/assets/" + asset).then().statusCode(404);
        Response own = Api.as("police.editor").get("/assets/" + asset + "/occupations");
        own.then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(police))
                .body("items[0].yearlyRent.amount", equalTo("48500.10"));
        assertFalse(own.asString().contains("777.77"));
        Api.as("police.editor").get("/occupations/" + police).then().statusCode(200);
        Api.as("police.editor").get("/occupations/" + nhs).then().statusCode(404);
        for (String other : List.of("dover.editor", "s151.officer")) {
            Api.as(other).get("/assets/" + asset + "/occupations").then().statusCode(404);
            Api.as(other).get("/occupations/" + police).then().statusCode(404);
            Api.as(other).get("/occupations/" + police + "/history").then().statusCode(404);
        }
    }

    @Test
    void onlyTheOwnersEditorsAndThePmoWrite() {
        String asset = maidstoneAsset("PARTNERSHIP");
        String listPath = "/assets/" + asset + "/occupations";
        for (String refused : List.of("maidstone.viewer", "dover.editor", "police.editor", "board.member", "s151.officer")) {
            create(refused, asset, policeLease()).then().statusCode(403)
                    .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        }
        Api.asSystem("kent-police-system", Api.KENT_POLICE_SYSTEM_SECRET).body(policeLease()).post(listPath)
                .then().statusCode(403);
        Api.as("maidstone.editor").get(listPath).then().body("total", equalTo(0));
        create("pmo.admin", asset, policeLease()).then().statusCode(201);
        Response created = create("maidstone.editor", asset, with(policeLease(), "occupierPartnerId", null,
                "occupierName", "Kent Community Health NHS Foundation Trust", "basis", "LEASE"));
        String path = "/occupations/" + created.path("id");
        String etag = created.header("ETag");
        // The occupier does not change the owner's record of its occupation.
        Api.as("police.editor").header("If-Match", etag).body(policeLease()).put(path).then().statusCode(403);
        Api.as("maidstone.editor").body(policeLease()).put(path).then().statusCode(428);
        Api.as("maidstone.editor").header("If-Match", "\"99\"").body(policeLease()).put(path).then().statusCode(412);
        // Ending it: the end date, nothing else.
        Map<String, Object> ended = with(policeLease(), "occupierPartnerId", null,
                "occupierName", "Kent Community Health NHS Foundation Trust", "basis", "LEASE", "endsOn", "2025-03-31",
                "breakOn", null, "rentReviewOn", null);
        Api.as("maidstone.editor").header("If-Match", etag).body(ended).put(path).then().statusCode(200)
                .body("current", equalTo(false)).body("endsOn", equalTo("2025-03-31")).header("ETag", not(etag));
        Api.as("maidstone.editor").get(listPath + "?current=true").then().body("total", equalTo(1));
    }

    @Test
    void badTermsAreRefusedNamingTheFieldAndNothingIsSaved() {
        String asset = maidstoneAsset("PARTNERSHIP");
        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        bad.put("occupierPartnerId", with(policeLease(), "occupierName", "Both"));
        bad.put("occupierPartnerId ", with(policeLease(), "occupierPartnerId", null));
        bad.put("occupierPartnerId  ", with(policeLease(), "occupierPartnerId", "no-such-partner"));
        bad.put("areaM2", with(policeLease(), "areaM2", null, "desks", null));
        bad.put("areaM2 ", with(policeLease(), "areaM2", 10.125));
        bad.put("endsOn", with(policeLease(), "endsOn", "2024-03-31", "breakOn", null, "rentReviewOn", null));
        bad.put("breakOn", with(policeLease(), "breakOn", "2035-01-01"));
        bad.put("rentReviewOn", with(policeLease(), "rentReviewOn", "2020-01-01"));
        bad.put("basis", with(policeLease(), "basis", "OWNER_OCCUPIED"));
        bad.put("yearlyRent.amount", with(policeLease(), "yearlyRent", Map.of("amount", "12.345", "currency", "GBP")));
        bad.put("basis ", with(policeLease(), "basis", "SQUAT"));
        bad.put("desks", with(policeLease(), "desks", 0));
        bad.put("startsOn", with(policeLease(), "startsOn", null));
        bad.put("rent", with(policeLease(), "rent", 5));
        for (var entry : bad.entrySet()) {
            String field = entry.getKey().strip();
            Response r = Api.badRequestAs("maidstone.editor").contentType("application/json").body(entry.getValue())
                    .post("/assets/" + asset + "/occupations");
            assertEquals(400, r.statusCode(), field + ": " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), field);
            assertTrue(r.asString().contains("\"" + field + "\"") || r.asString().contains(field), field + ": " + r.asString());
        }
        Api.as("maidstone.editor").get("/assets/" + asset + "/occupations").then().body("total", equalTo(0));
    }

    @Test
    void utilisationIsDerivedFromCurrentOccupationsWithoutTouchingTheEnteredOne() {
        String asset = maidstoneAsset("PARTNERSHIP");
        String listPath = "/assets/" + asset + "/occupations";
        Api.as("dover.editor").get(listPath).then().statusCode(200).body("derivedUtilisationPercent", nullValue());
        create("maidstone.editor", asset, with(policeLease(), "areaM2", 300.25)).then().statusCode(201);
        create("maidstone.editor", asset, with(policeLease(), "occupierPartnerId", "maidstone", "basis", "OWNER_OCCUPIED",
                "areaM2", 600)).then().statusCode(201);
        // Ended: not counted.
        create("maidstone.editor", asset, with(policeLease(), "occupierPartnerId", "dover", "areaM2", 200,
                "startsOn", "2020-01-01", "endsOn", "2021-01-01", "breakOn", null, "rentReviewOn", null))
                .then().statusCode(201);
        // 900.25 of 1,200.5 m²; other partners read the figure too (it is an area, not a term).
        Api.as("dover.editor").get(listPath).then().body("derivedUtilisationPercent", equalTo(74.99f)).body("total", equalTo(3));
        Api.as("dover.editor").get(listPath + "?current=true").then().body("total", equalTo(2));
        Api.as("dover.editor").get("/assets/" + asset).then().body("utilisationPercent", equalTo(75.0f));
    }

    @Test
    void historyAndFeedWithholdTheTermsAsTheRecordDoes() {
        String asset = maidstoneAsset("PARTNERSHIP");
        Response created = create("maidstone.editor", asset, policeLease());
        String id = created.path("id");
        Api.as("maidstone.editor").header("If-Match", created.header("ETag"))
                .body(with(policeLease(), "yearlyRent", Map.of("amount", "51234.56", "currency", "GBP"), "desks", 30))
                .put("/occupations/" + id).then().statusCode(200);
        String history = "/occupations/" + id + "/history";
        Api.as("police.viewer").get(history).then().statusCode(200).body("total", equalTo(2))
                .body("items[1].changes.'yearlyRent.amount'.to", equalTo("51234.56"));
        Response other = Api.as("dover.editor").get(history);
        other.then().statusCode(200).body("total", equalTo(2)).body("items[1].changes.desks.to", equalTo(30))
                .body("items[1].changes", not(org.hamcrest.Matchers.hasKey("yearlyRent.amount")));
        assertFalse(other.asString().contains("51234.56") || other.asString().contains("48500.10"), other.asString());
        // The feed: the same events with the same changes withheld.
        assertFalse(feedUntil("dover.editor", id).contains("51234.56"), "the feed leaks the rent to dover");
        assertTrue(feedUntil("maidstone.viewer", id).contains("51234.56"), "the owner's feed lacks the rent");
        // An OWNER_ONLY asset's occupations are nobody else's in the feed.
        String hidden = maidstoneAsset("OWNER_ONLY");
        String hiddenId = create("maidstone.editor", hidden, with(policeLease(), "occupierPartnerId", "nhs-kent-medway"))
                .path("id");
        feedUntil("nhs.editor", hiddenId);
        assertFalse(feedAll("dover.editor").contains(hiddenId), "an OWNER_ONLY asset's occupation in dover's feed");
    }

    /** Pages the feed to its end and returns the events of the occupation (as one JSON text). */
    private static String feedUntil(String user, String occupation) {
        String all = feedAll(user);
        assertTrue(all.contains(occupation), user + "'s feed lacks " + occupation);
        return all;
    }

    /** The caller's whole feed's occupation events, as text. */
    private static String feedAll(String user) {
        String after = null;
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            Response page = Api.as(user).get("/events?limit=500" + (after == null ? "" : "&after=" + after));
            page.then().statusCode(200);
            List<Map<String, Object>> items = page.path("items.findAll { it.entityType == 'OCCUPATION' }");
            events.append(items);
            after = page.path("nextCursor");
            if (!Boolean.TRUE.equals(page.path("hasMore"))) {
                break;
            }
        }
        return events.toString();
    }
}
