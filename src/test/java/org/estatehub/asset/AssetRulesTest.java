package org.estatehub.asset;

import static org.estatehub.testing.AssetFixtures.asset;
import static org.estatehub.testing.AssetFixtures.create;
import static org.estatehub.testing.AssetFixtures.createId;
import static org.estatehub.testing.AssetFixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The register's sharing rules, across two partners (Maidstone and Dover) with real tokens. */
@QuarkusTest
class AssetRulesTest {

    private static final double LAT = 57.48;
    private static final double LON = -4.22;

    @Test
    void partnershipWideAssetsAreReadByAllButChangedOnlyByTheOwner() {
        var created = create("maidstone.editor", asset("Maidstone House", LAT, LON));
        String id = created.path("id");
        created.then().body("ownerPartnerId", equalTo("maidstone"))
                .body("address.postcode", equalTo("ME14 1XQ"))
                .body("annualRunningCost.amount", equalTo("100000.10"))
                .body("version", equalTo(0));

        Api.as("dover.editor").get("/assets/" + id).then().statusCode(200).body("name", equalTo("Maidstone House"));
        Api.as("police.viewer").get("/assets/" + id).then().statusCode(200);

        Api.as("dover.editor").header("If-Match", "\"0\"").body(asset("Taken over", LAT, LON)).put("/assets/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        Api.as("maidstone.viewer").header("If-Match", "\"0\"").body(asset("Viewer edit", LAT, LON))
                .put("/assets/" + id).then().statusCode(403);
        Api.asSystem("kent-police-system", Api.KENT_POLICE_SYSTEM_SECRET).header("If-Match", "\"0\"")
                .body(asset("System edit", LAT, LON)).put("/assets/" + id).then().statusCode(403);
        Api.as("maidstone.editor").get("/assets/" + id).then().body("name", equalTo("Maidstone House"))
                .body("version", equalTo(0));
    }

    @Test
    void ownerOnlyAssetsAreInvisibleToOtherPartners() {
        String token = AssetFixtures.token();
        String id = createId("maidstone.editor",
                with(asset("Custody suite " + token, LAT, LON), "visibility", "OWNER_ONLY"));

        Api.as("dover.editor").get("/assets/" + id).then().statusCode(404).contentType("application/problem+json");
        Api.as("police.viewer").get("/assets/" + id).then().statusCode(404);
        Api.asSystem("kent-police-system", Api.KENT_POLICE_SYSTEM_SECRET).get("/assets/" + id).then().statusCode(404);
        Api.as("dover.editor").get("/assets/" + id + "/status-history").then().statusCode(404);
        Api.as("dover.editor").get("/assets?q=" + token).then().statusCode(200).body("total", equalTo(0));
        Api.as("dover.editor").header("If-Match", "\"0\"").body(asset("x", LAT, LON)).put("/assets/" + id)
                .then().statusCode(404);

        Api.as("maidstone.viewer").get("/assets/" + id).then().statusCode(200);
        Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET).get("/assets/" + id).then().statusCode(200);
        Api.as("pmo.admin").get("/assets/" + id).then().statusCode(200);
        Api.as("board.member").get("/assets/" + id).then().statusCode(200);
        Api.as("board.member").get("/assets?q=" + token).then().body("total", equalTo(1));
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String id = createId("maidstone.editor", asset("Etag office", LAT, LON));
        Map<String, Object> change = with(asset("Etag office renamed", LAT, LON), "status", "UNDER_UTILISED");

        Api.as("maidstone.editor").body(change).put("/assets/" + id).then().statusCode(428);
        Api.as("maidstone.editor").header("If-Match", "\"5\"").body(change).put("/assets/" + id).then().statusCode(412);
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(change).put("/assets/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("UNDER_UTILISED"));
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(change).put("/assets/" + id).then().statusCode(412);
        Api.as("pmo.admin").header("If-Match", "\"1\"").body(with(change, "name", "PMO fixed"))
                .put("/assets/" + id).then().statusCode(200).body("name", equalTo("PMO fixed"));
        Api.as("maidstone.editor").header("If-Match", "\"2\"").body(with(change, "ownerPartnerId", "dover"))
                .put("/assets/" + id).then().statusCode(409);
    }

    @Test
    void ownersOfNewAssets() {
        create("pmo.admin", with(asset("PMO registers for Sevenoaks", LAT, LON), "ownerPartnerId", "sevenoaks"))
                .then().body("ownerPartnerId", equalTo("sevenoaks"));
        Api.as("maidstone.editor").body(with(asset("Not mine", LAT, LON), "ownerPartnerId", "dover"))
                .post("/assets").then().statusCode(403).body("detail", containsString("own partner"));
        Api.as("maidstone.viewer").body(asset("Viewer", LAT, LON)).post("/assets").then().statusCode(403);
        Api.as("s151.officer").body(asset("S151", LAT, LON)).post("/assets").then().statusCode(403);
        create("maidstone.editor", with(asset("Explicit own", LAT, LON), "ownerPartnerId", "maidstone"));
        Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET).body(asset("From Maidstone's system", LAT, LON))
                .post("/assets").then().statusCode(201).body("ownerPartnerId", equalTo("maidstone"));
        Api.asSystem("kent-police-system", Api.KENT_POLICE_SYSTEM_SECRET).body(asset("Viewer system", LAT, LON))
                .post("/assets").then().statusCode(403);
        Api.as("pmo.admin").body(with(asset("Nobody's", LAT, LON), "ownerPartnerId", "atlantis"))
                .post("/assets").then().statusCode(400);
    }

    @Test
    void disposalKeepsTheRecordAndItsHistory() {
        String token = AssetFixtures.token();
        String id = createId("dover.editor", with(asset("Old depot " + token, LAT, LON), "localAuthority", "E07000108"));
        Api.as("dover.editor").header("If-Match", "\"0\"")
                .body(with(asset("Old depot " + token, LAT, LON), "localAuthority", "E07000108", "status", "SURPLUS"))
                .put("/assets/" + id).then().statusCode(200);

        Api.as("maidstone.editor").header("If-Match", "\"1\"")
                .body(Map.of("disposedOn", "2024-03-31", "reason", "Not theirs")).post("/assets/" + id + "/disposal")
                .then().statusCode(403);
        Api.as("dover.editor").body(Map.of("disposedOn", "2024-03-31", "reason", "Sold"))
                .post("/assets/" + id + "/disposal").then().statusCode(428);
        Api.as("dover.editor").header("If-Match", "\"1\"")
                .body(Map.of("disposedOn", "2099-01-01", "reason", "Future")).post("/assets/" + id + "/disposal")
                .then().statusCode(400);
        Api.as("dover.editor").header("If-Match", "\"1\"")
                .body(Map.of("disposedOn", "2024-03-31", "reason", "Sold at auction"))
                .post("/assets/" + id + "/disposal")
                .then().statusCode(200)
                .body("status", equalTo("DISPOSED"))
                .body("disposal.disposedOn", equalTo("2024-03-31"))
                .body("disposal.reason", equalTo("Sold at auction"));

        Api.as("police.viewer").get("/assets/" + id).then().statusCode(200).body("status", equalTo("DISPOSED"));
        Api.as("dover.editor").header("If-Match", "\"2\"").body(asset("Revived", LAT, LON)).put("/assets/" + id)
                .then().statusCode(409);
        Api.as("dover.editor").header("If-Match", "\"2\"")
                .body(Map.of("disposedOn", "2024-04-01", "reason", "Again")).post("/assets/" + id + "/disposal")
                .then().statusCode(409);

        Api.as("police.viewer").get("/assets/" + id + "/status-history").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].toStatus", equalTo("OPERATIONAL"))
                .body("items[1].fromStatus", equalTo("OPERATIONAL"))
                .body("items[1].toStatus", equalTo("SURPLUS"))
                .body("items[2].toStatus", equalTo("DISPOSED"))
                .body("items[2].changedBy", equalTo("dover.editor"))
                .body("items[2].partnerId", equalTo("dover"))
                .body("items[2].reason", equalTo("Sold at auction"));

        Api.as("police.viewer").get("/assets?q=" + token).then().body("total", equalTo(0));
        Api.as("police.viewer").get("/assets?includeDisposed=true&q=" + token).then().body("total", equalTo(1));
        Api.as("police.viewer").get("/assets?status=DISPOSED&q=" + token).then().body("items.id", hasItem(id));
    }

    @Test
    void uniqueKeysPerOwner() {
        var first = asset("First", LAT, LON);
        create("maidstone.editor", first);
        Api.as("maidstone.editor").body(with(asset("Same UPRN", LAT, LON), "uprn", first.get("uprn")))
                .post("/assets").then().statusCode(409).body("detail", containsString("UPRN"));
        Api.as("maidstone.editor").body(with(asset("Same ref", LAT, LON), "ownReference", first.get("ownReference")))
                .post("/assets").then().statusCode(409);
        // Another owner may record the same property (e.g. a lease of part of it).
        create("dover.editor", with(asset("Dover's share", LAT, LON), "uprn", first.get("uprn")));
    }

    @Test
    void validationOfAssetFields() {
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(asset("Paris", 48.85, 2.35))).post("/assets")
                .then().statusCode(400).body("errors.field", hasItem("location.latitude"))
                .body("errors.field", hasItem("location.longitude"));
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(asset("Bad postcode", LAT, LON), "address", Map.of("postcode", "ME99 XXX1")))
                .post("/assets").then().statusCode(400).body("errors.field", hasItem("address.postcode"));
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(asset("Desks on land", LAT, LON), "landOnly", true, "assetType", "LAND",
                        "sharedWorkspaceDesks", 4))
                .post("/assets").then().statusCode(400).body("errors.field", hasItem("sharedWorkspaceDesks"));
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(asset("Fractions of pence", LAT, LON), "annualRunningCost",
                        Map.of("amount", "10.005", "currency", "GBP")))
                .post("/assets").then().statusCode(400).body("errors.field", hasItem("annualRunningCost.amount"));
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(asset("Float money", LAT, LON), "annualRunningCost", Map.of("amount", 10.5, "currency", "GBP")))
                .post("/assets").then().statusCode(400);
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(asset("Born disposed", LAT, LON), "status", "DISPOSED"))
                .post("/assets").then().statusCode(400).body("errors.field", hasItem("status"));
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(asset("Bad UPRN", LAT, LON), "uprn", "0123"))
                .post("/assets").then().statusCode(400).body("errors.field", hasItem("uprn"));
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(with(asset("No keys", LAT, LON), "uprn", null, "ownReference", null))
                .post("/assets").then().statusCode(400);
        Api.badRequestAs("maidstone.editor").get("/assets/not-a-uuid").then().statusCode(400);
        Api.as("maidstone.editor").get("/assets/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void theEightSharedWorkspaceOfficesAreInTheDemoRegister() {
        var names = Api.as("police.viewer").get("/assets?limit=5000").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.sharedWorkspaceDesks > 0 }.name", String.class);
        for (String office : new String[] {"Gun Wharf", "Invicta House", "Brook House", "St Peters House",
            "Sevenoaks", "Folkestone", "Gravesham", "Canterbury"}) {
            org.hamcrest.MatcherAssert.assertThat(names, hasItem(containsString(office)));
        }
        org.hamcrest.MatcherAssert.assertThat(names, not(hasItem(containsString("zq"))));
    }
}
