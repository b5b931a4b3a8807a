package org.estatehub.disposal;

import static org.estatehub.disposal.DisposalFixtures.declareId;
import static org.estatehub.disposal.DisposalFixtures.etag;
import static org.estatehub.disposal.DisposalFixtures.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An asset under a live disposal (OFFERED, TRANSFER_AGREED, ON_OPEN_MARKET) keeps its status and owner
 * whatever tries to change them (PUT /assets/{id}, the import, POST /assets/{id}/disposal, plain SQL): a
 * 409 naming the disposal, nothing saved; its other fields stay editable, and once the disposal is
 * withdrawn the owner decides the status again.
 */
@QuarkusTest
class AssetOnOfferTest {

    private static final String HEADER = "Organisation name,UPRN,Unique Asset ID,Name,Street,Post town,Postcode,"
            + "X co-ordinate,Y co-ordinate,Tenure,Status\n";

    @Inject
    DataSource dataSource;

    @Test
    void anUpdateOrAnImportCannotChangeTheStatusOfAnAssetOnOfferButItsOtherFields() {
        String marker = AssetFixtures.token();
        String asset = DisposalFixtures.asset("maidstone", "PARTNERSHIP", "On offer " + marker);
        String disposal = declareId("maidstone.editor", asset);
        JsonPath read = Api.as("maidstone.editor").get("/assets/" + asset).then().statusCode(200)
                .body("status", equalTo("SURPLUS")).extract().jsonPath();
        Map<String, Object> body = body(read);

        // PUT: back into use is refused, naming the disposal and its status; nothing changes.
        String before = Api.as("pmo.admin").get("/assets/" + asset).asString();
        for (String status : List.of("OPERATIONAL", "UNDER_UTILISED")) {
            Api.as("maidstone.editor").header("If-Match", etag("maidstone.editor", "/assets/" + asset))
                    .body(with(body, "status", status)).put("/assets/" + asset).then().statusCode(409)
                    .contentType(containsString("application/problem+json"))
                    .body("detail", containsString("/disposals/" + disposal + " (OFFERED)"));
        }
        Api.as("maidstone.editor").header("If-Match", etag("maidstone.editor", "/assets/" + asset))
                .body(with(body, "ownerPartnerId", "dover")).put("/assets/" + asset).then().statusCode(409);
        assertEquals(before, Api.as("pmo.admin").get("/assets/" + asset).asString(), "the asset changed");
        // The old disposal operation: the disposal completes or is withdrawn instead.
        Api.as("maidstone.editor").header("If-Match", etag("maidstone.editor", "/assets/" + asset))
                .body(Map.of("disposedOn", "2026-01-05", "reason", "Sold")).post("/assets/" + asset + "/disposal").then()
                .statusCode(409).body("detail", containsString("/disposals/" + disposal + " (OFFERED)"));
        // Its other fields change as usual, with its status as it is.
        Api.as("maidstone.editor").header("If-Match", etag("maidstone.editor", "/assets/" + asset))
                .body(with(body, "name", "Renamed " + marker)).put("/assets/" + asset).then().statusCode(200)
                .body("name", equalTo("Renamed " + marker)).body("status", equalTo("SURPLUS"));

        // The import: a row changing the status is a 409 naming its line, column and the disposal; the dry
        // run lists it; the same row with the asset's own status imports and changes the rest.
        String uprn = read.getString("uprn");
        String reference = read.getString("ownReference");
        String back = HEADER + "Maidstone Borough Council," + uprn + "," + reference + ",Imported " + marker
                + ",1 Test Street,Maidstone,ME14 1XQ,576086,155747,Freehold,Operational\n";
        String assetBefore = Api.as("pmo.admin").get("/assets/" + asset).asString();
        Api.as("maidstone.editor").contentType("text/csv; charset=UTF-8").body(back).post("/assets/import").then()
                .statusCode(409).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("Status")).body("errors[0].row", equalTo(2))
                .body("errors[0].message", containsString("/disposals/" + disposal + " (OFFERED)"));
        Api.as("maidstone.editor").contentType("text/csv; charset=UTF-8").body(back).post("/assets/import?dryRun=true")
                .then().statusCode(200).body("valid", equalTo(false)).body("updated", equalTo(0))
                .body("errors.message", hasItem(containsString("/disposals/" + disposal)));
        assertEquals(assetBefore, Api.as("pmo.admin").get("/assets/" + asset).asString(), "the import changed the asset");
        Api.as("maidstone.editor").contentType("text/csv; charset=UTF-8").body(back.replace(",Operational\n", ",Surplus\n"))
                .post("/assets/import").then().statusCode(200).body("updated", equalTo(1));
        Api.as("maidstone.editor").get("/assets/" + asset).then().statusCode(200)
                .body("name", equalTo("Imported " + marker)).body("status", equalTo("SURPLUS"));

        // Agreed with Dover, still live: still refused, now naming that status.
        String dover = register("dover.editor", disposal, "HOUSING", marker);
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(Map.of("interestId", dover))
                .post("/disposals/" + disposal + "/transfer-agreement").then().statusCode(200);
        Api.as("maidstone.editor").header("If-Match", etag("maidstone.editor", "/assets/" + asset))
                .body(with(body(Api.as("maidstone.editor").get("/assets/" + asset).jsonPath()), "status", "OPERATIONAL"))
                .put("/assets/" + asset).then().statusCode(409)
                .body("detail", containsString("/disposals/" + disposal + " (TRANSFER_AGREED)"));

        // Withdrawn: the owner decides the asset's status again.
        Api.as("maidstone.editor").header("If-Match", "\"1\"").body(Map.of("reason", "Retained " + marker))
                .post("/disposals/" + disposal + "/withdrawal").then().statusCode(200);
        Api.as("maidstone.editor").header("If-Match", etag("maidstone.editor", "/assets/" + asset))
                .body(with(body(Api.as("maidstone.editor").get("/assets/" + asset).jsonPath()), "status", "OPERATIONAL"))
                .put("/assets/" + asset).then().statusCode(200).body("status", equalTo("OPERATIONAL"));
    }

    @Test
    void theDatabaseRefusesAStatusOrOwnerChangeUnderALiveDisposal() throws Exception {
        String marker = AssetFixtures.token();
        String asset = DisposalFixtures.asset("maidstone", "PARTNERSHIP", "Trigger " + marker);
        String disposal = declareId("maidstone.editor", asset);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String change : List.of("status = 'OPERATIONAL'", "owner_partner_id = 'dover'",
                    "status = 'DISPOSED', disposed_on = date '2026-01-05', disposal_reason = 'Sold'")) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> s.executeUpdate("update asset set " + change + " where id = '" + asset + "'"), change);
                assertEquals("23514", refused.getSQLState(), change + ": " + refused.getMessage());
                assertTrue(refused.getMessage().contains(disposal), change + ": " + refused.getMessage());
            }
            // The other fields, and the status unchanged, are the owner's to edit.
            assertEquals(1, s.executeUpdate("update asset set name = 'Edited " + marker + "', status = 'SURPLUS' where id = '"
                    + asset + "'"));
        }
        Api.as("pmo.admin").get("/assets/" + asset).then().statusCode(200).body("status", equalTo("SURPLUS"))
                .body("ownerPartnerId", equalTo("maidstone")).body("name", equalTo("Edited " + marker));
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(Map.of("reason", "Retained"))
                .post("/disposals/" + disposal + "/withdrawal").then().statusCode(200);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("update asset set status = 'OPERATIONAL' where id = '" + asset + "'"),
                    "no live disposal: the change is the owner's");
        }
    }

    /** The asset as read, as a PUT body (the read-only members left out). */
    private static Map<String, Object> body(JsonPath read) {
        Map<String, Object> body = new HashMap<>(AssetFixtures.asset(read.getString("name"), 51.27, 0.52));
        body.put("uprn", read.getString("uprn"));
        body.put("ownReference", read.getString("ownReference"));
        body.put("status", read.getString("status"));
        body.put("visibility", read.getString("visibility"));
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
