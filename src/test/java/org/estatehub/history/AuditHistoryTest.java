package org.estatehub.history;

import static org.estatehub.testing.AssetFixtures.asset;
import static org.estatehub.testing.AssetFixtures.with;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.ProjectFixtures;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Who changed what and when, per record, and who may read it. */
@QuarkusTest
class AuditHistoryTest {

    @Inject
    DataSource dataSource;

    private static JsonPath history(String user, String path) {
        return Api.as(user).get(path + "/history?limit=500").then().statusCode(200).extract().jsonPath();
    }

    private static String etag(String user, String path) {
        return Api.as(user).get(path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void assetCreationUpdateStatusChangeAndDisposal() {
        String name = "Audit house " + AssetFixtures.token();
        Map<String, Object> input = asset(name, 51.27, 0.52);
        Response created = AssetFixtures.create("maidstone.editor", input);
        String id = created.path("id");
        String path = "/assets/" + id;

        JsonPath h = history("maidstone.viewer", path);
        assertEquals(1, h.getInt("total"));
        assertEquals("ASSET", h.getString("items[0].entityType"));
        assertEquals(id, h.getString("items[0].entityId"));
        assertEquals("CREATED", h.getString("items[0].action"));
        assertEquals("maidstone.editor", h.getString("items[0].actor.username"));
        assertEquals("maidstone", h.getString("items[0].actor.partnerId"));
        assertEquals("maidstone", h.getString("items[0].partnerId"));
        assertEquals(name, h.getString("items[0].changes.name.to"));
        assertEquals("ME14 1XQ", h.getString("items[0].changes.'address.postcode'.to"));
        assertEquals("100000.10", h.getString("items[0].changes.'annualRunningCost.amount'.to"));
        Map<String, Map<String, Object>> initial = h.getMap("items[0].changes");
        initial.values().forEach(change -> assertEquals(Set.of("to"), change.keySet(), "a creation has no 'from'"));
        for (String bookkeeping : List.of("id", "version", "createdAt", "updatedAt")) {
            assertNull(initial.get(bookkeeping), bookkeeping + " is not a change");
        }

        Api.as("maidstone.editor").header("If-Match", created.header("ETag"))
                .body(with(input, "name", name + " renamed", "utilisationPercent", 40)).put(path).then().statusCode(200);
        Api.as("pmo.admin").header("If-Match", etag("pmo.admin", path))
                .body(with(input, "name", name + " renamed", "utilisationPercent", 40, "status", "SURPLUS"))
                .put(path).then().statusCode(200);
        Api.as("maidstone.editor").header("If-Match", etag("maidstone.editor", path))
                .body(Map.of("disposedOn", "2024-03-31", "reason", "Sold at auction")).post(path + "/disposal")
                .then().statusCode(200);

        h = history("dover.editor", path);
        assertEquals(4, h.getInt("total"));
        assertEquals(List.of("CREATED", "UPDATED", "UPDATED", "DISPOSED"), h.getList("items.action"));
        assertEquals(Set.of("name", "utilisationPercent"), h.getMap("items[1].changes").keySet());
        assertEquals(name, h.getString("items[1].changes.name.from"));
        assertEquals(name + " renamed", h.getString("items[1].changes.name.to"));
        assertEquals(75.0, h.getDouble("items[1].changes.utilisationPercent.from"));
        assertEquals(40.0, h.getDouble("items[1].changes.utilisationPercent.to"));

        assertEquals(Set.of("status"), h.getMap("items[2].changes").keySet());
        assertEquals("OPERATIONAL", h.getString("items[2].changes.status.from"));
        assertEquals("SURPLUS", h.getString("items[2].changes.status.to"));
        assertEquals("pmo.admin", h.getString("items[2].actor.username"));
        assertEquals("kcc", h.getString("items[2].actor.partnerId"));
        assertEquals("maidstone", h.getString("items[2].partnerId"));

        assertEquals(Set.of("status", "disposal.disposedOn", "disposal.reason"), h.getMap("items[3].changes").keySet());
        assertEquals("SURPLUS", h.getString("items[3].changes.status.from"));
        assertEquals("DISPOSED", h.getString("items[3].changes.status.to"));
        assertEquals("2024-03-31", h.getString("items[3].changes.'disposal.disposedOn'.to"));
        assertEquals("Sold at auction", h.getString("items[3].changes.'disposal.reason'.to"));
        for (int i = 0; i < 4; i++) {
            assertNotNull(h.getString("items[" + i + "].occurredAt"));
        }

        // Paged like every list, oldest first.
        Api.as("maidstone.viewer").get(path + "/history?limit=2&offset=2").then().statusCode(200)
                .body("total", equalTo(4)).body("limit", equalTo(2)).body("offset", equalTo(2))
                .body("items", hasSize(2)).body("items[0].action", equalTo("UPDATED"))
                .body("items[1].action", equalTo("DISPOSED"));
    }

    @Test
    void refusedChangesLeaveNoEvent() {
        Map<String, Object> input = asset("Audit refused " + AssetFixtures.token(), 51.27, 0.52);
        String id = AssetFixtures.createId("maidstone.editor", input);
        String path = "/assets/" + id;
        Api.as("maidstone.editor").header("If-Match", "\"7\"").body(with(input, "name", "Stale")).put(path)
                .then().statusCode(412);
        Api.as("dover.editor").header("If-Match", "\"0\"").body(with(input, "name", "Not yours")).put(path)
                .then().statusCode(403);
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(with(input, "uprn", null, "ownReference", null))
                .put(path).then().statusCode(400);
        // An unchanged representation is no change either.
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(input).put(path).then().statusCode(200);
        assertEquals(List.of("CREATED"), history("maidstone.editor", path).getList("items.action"));
    }

    @Test
    void assetHistoryFollowsTheRegistersSharingRulesAsTheyAreNow() {
        Map<String, Object> hidden = with(asset("Audit hidden " + AssetFixtures.token(), 51.27, 0.52),
                "visibility", "OWNER_ONLY");
        String hiddenId = AssetFixtures.createId("maidstone.editor", hidden);
        Api.as("dover.editor").get("/assets/" + hiddenId + "/history").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as("police.viewer").get("/assets/" + hiddenId + "/history").then().statusCode(404);
        history("maidstone.viewer", "/assets/" + hiddenId);
        history("pmo.admin", "/assets/" + hiddenId);
        history("board.member", "/assets/" + hiddenId);

        Map<String, Object> shared = asset("Audit shared " + AssetFixtures.token(), 51.27, 0.52);
        Response created = AssetFixtures.create("maidstone.editor", shared);
        String sharedId = created.path("id");
        assertEquals(1, history("dover.editor", "/assets/" + sharedId).getInt("total"));
        Api.as("maidstone.editor").header("If-Match", created.header("ETag"))
                .body(with(shared, "visibility", "OWNER_ONLY")).put("/assets/" + sharedId).then().statusCode(200);
        Api.as("dover.editor").get("/assets/" + sharedId + "/history").then().statusCode(404);
        JsonPath own = history("maidstone.viewer", "/assets/" + sharedId);
        assertEquals("PARTNERSHIP", own.getString("items[1].changes.visibility.from"));
        assertEquals("OWNER_ONLY", own.getString("items[1].changes.visibility.to"));

        Api.as("maidstone.editor").get("/assets/" + UUID.randomUUID() + "/history").then().statusCode(404);
        Api.badRequestAs("maidstone.editor").get("/assets/not-a-uuid/history").then().statusCode(400)
                .contentType("application/problem+json");
        Api.badRequestAs("maidstone.editor").get("/assets/" + sharedId + "/history?limit=0").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void projectStageChangesAndMilestonesAreInTheProjectsHistory() {
        Response created = ProjectFixtures.create("maidstone.editor", ProjectFixtures.project("Audit project", "kcc"));
        String id = created.path("id");
        String path = "/projects/" + id;
        String etag = Api.as("maidstone.editor").header("If-Match", created.header("ETag"))
                .body(Map.of("toStage", "PIPELINE", "note", "Board approved the idea"))
                .post(path + "/stage-changes").then().statusCode(201).extract().header("ETag");
        Api.as("maidstone.editor").header("If-Match", etag)
                .body(ProjectFixtures.with(ProjectFixtures.project("Audit project", "kcc"),
                        "rag", Map.of("status", "AMBER", "reason", "Planning delayed")))
                .put(path).then().statusCode(200);
        Response milestone = Api.as("maidstone.editor")
                .body(Map.of("name", "Feasibility study", "dueOn", "2030-06-30", "ownerPartnerId", "kcc"))
                .post(path + "/milestones");
        milestone.then().statusCode(201);
        String milestoneId = milestone.path("id");
        Api.as("kcc.editor").header("If-Match", milestone.header("ETag"))
                .body(Map.of("name", "Feasibility study", "dueOn", "2030-06-30", "completedOn", "2024-05-01",
                        "ownerPartnerId", "kcc"))
                .put(path + "/milestones/" + milestoneId).then().statusCode(200);

        JsonPath h = history("kcc.editor", path);
        assertEquals(5, h.getInt("total"));
        assertEquals(List.of("PROJECT", "PROJECT", "PROJECT", "MILESTONE", "MILESTONE"), h.getList("items.entityType"));
        assertEquals(List.of("CREATED", "STAGE_CHANGED", "UPDATED", "CREATED", "UPDATED"), h.getList("items.action"));

        assertEquals("Audit project", h.getString("items[0].changes.name.to"));
        assertEquals("IDEA", h.getString("items[0].changes.stage.to"));
        assertEquals(List.of("kcc"), h.getList("items[0].changes.participatingPartnerIds.to"));
        assertNull(h.get("items[0].changes.milestones"));

        assertEquals(Set.of("stage"), h.getMap("items[1].changes").keySet());
        assertEquals("IDEA", h.getString("items[1].changes.stage.from"));
        assertEquals("PIPELINE", h.getString("items[1].changes.stage.to"));
        assertEquals("Board approved the idea", h.getString("items[1].note"));

        assertEquals(Set.of("rag.status", "rag.reason"), h.getMap("items[2].changes").keySet());
        assertEquals("GREEN", h.getString("items[2].changes.'rag.status'.from"));
        assertEquals("AMBER", h.getString("items[2].changes.'rag.status'.to"));
        assertEquals("Planning delayed", h.getString("items[2].changes.'rag.reason'.to"));

        assertEquals(milestoneId, h.getString("items[3].entityId"));
        assertEquals("PROJECT", h.getString("items[3].parentType"));
        assertEquals(id, h.getString("items[3].parentId"));
        assertEquals("kcc", h.getString("items[3].partnerId"));
        assertEquals("Feasibility study", h.getString("items[3].changes.name.to"));
        assertEquals("2030-06-30", h.getString("items[3].changes.dueOn.to"));
        assertNull(h.get("items[3].changes.state"));

        assertEquals(Set.of("completedOn"), h.getMap("items[4].changes").keySet());
        assertEquals("2024-05-01", h.getString("items[4].changes.completedOn.to"));
        assertEquals("kcc.editor", h.getString("items[4].actor.username"));
        assertEquals("kcc", h.getString("items[4].actor.partnerId"));

        // Those who read the project's details read its history; other partners get 403, as for the project.
        for (String reader : List.of("maidstone.viewer", "pmo.admin", "board.member", "s151.officer")) {
            assertEquals(5, history(reader, path).getInt("total"), reader);
        }
        for (String outsider : List.of("dover.editor", "police.viewer")) {
            Api.as(outsider).get(path + "/history").then().statusCode(403).contentType("application/problem+json");
        }
        Api.as("maidstone.editor").get("/projects/" + UUID.randomUUID() + "/history").then().statusCode(404);
    }

    @Test
    void partnerCreationAndUpdate() {
        String id = "audit-" + AssetFixtures.token();
        Response created = Api.as("pmo.admin")
                .body(Map.of("id", id, "name", "Audit University", "type", "UNIVERSITY", "localAuthority", "E07000106"))
                .post("/partners");
        created.then().statusCode(201);
        Api.as("pmo.admin").header("If-Match", created.header("ETag"))
                .body(Map.of("name", "Audit University", "shortName", "AU", "type", "UNIVERSITY", "localAuthority", "E07000106"))
                .put("/partners/" + id).then().statusCode(200);

        Api.as("dover.editor").get("/partners/" + id + "/history").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].entityType", equalTo("PARTNER"))
                .body("items[0].entityId", equalTo(id))
                .body("items[0].action", equalTo("CREATED"))
                .body("items[0].actor.username", equalTo("pmo.admin"))
                .body("items[0].actor.partnerId", equalTo("kcc"))
                .body("items[0].changes.name.to", equalTo("Audit University"))
                .body("items[0].changes.accountableBody.to", equalTo(false))
                .body("items[0].changes", not(hasKey("id")))
                .body("items[1].action", equalTo("UPDATED"))
                .body("items[1].changes", aMapWithSize(1))
                .body("items[1].changes.shortName.from", nullValue())
                .body("items[1].changes.shortName.to", equalTo("AU"))
                .body("items[1].occurredAt", notNullValue());
        Api.as("dover.editor").get("/partners/no-such-partner/history").then().statusCode(404);
    }

    @Test
    void csvImportRecordsCreationsAndChangesButNotUnchangedRows() {
        String token = AssetFixtures.token();
        String uprn = AssetFixtures.uprn();
        String header = "Organisation name,UPRN,Unique Asset ID,Name,Street,Post town,Postcode,X co-ordinate,"
                + "Y co-ordinate,Tenure,Asset type\n";
        String row = "Maidstone Borough Council," + uprn + ",MBC-" + token + ",%s,King Street,Maidstone,ME15 6JQ,"
                + "576086,155747,Leasehold,Office\n";
        for (String name : List.of("Imported " + token, "Imported " + token, "Renamed " + token)) {
            Api.as("maidstone.editor").contentType("text/csv; charset=UTF-8").body(header + String.format(row, name))
                    .post("/assets/import").then().statusCode(200);
        }
        String id = Api.as("maidstone.editor").get("/assets?q=" + token).then().statusCode(200)
                .body("total", equalTo(1)).extract().path("items[0].id");
        JsonPath h = history("maidstone.editor", "/assets/" + id);
        assertEquals(List.of("CREATED", "UPDATED"), h.getList("items.action"));
        assertEquals(List.of("CSV import", "CSV import"), h.getList("items.note"));
        assertEquals("maidstone.editor", h.getString("items[0].actor.username"));
        assertEquals("Imported " + token, h.getString("items[0].changes.name.to"));
        assertEquals("ME15 6JQ", h.getString("items[0].changes.'address.postcode'.to"));
        assertEquals(Set.of("name"), h.getMap("items[1].changes").keySet());
        assertEquals("Imported " + token, h.getString("items[1].changes.name.from"));
        assertEquals("Renamed " + token, h.getString("items[1].changes.name.to"));
    }

    /**
     * The CSV import builds an asset's representation in SQL (asset_audit_doc); it must equal the API
     * representation the services record, or imported changes would show spurious or missing fields.
     */
    @Test
    void importsRepresentationOfAnAssetIsTheApisRepresentation() throws Exception {
        Map<String, Object> input = with(asset("Audit doc " + AssetFixtures.token(), 51.2712345, 0.5212345),
                "epimsReference", "EP-1", "landOnly", false, "sharedWorkspaceDesks", 3);
        Response created = AssetFixtures.create("maidstone.editor", input);
        String id = created.path("id");
        Api.as("maidstone.editor").header("If-Match", created.header("ETag"))
                .body(Map.of("disposedOn", "2024-01-15", "reason", "Sold")).post("/assets/" + id + "/disposal")
                .then().statusCode(200);
        ObjectMapper json = new ObjectMapper();
        ObjectNode api = (ObjectNode) json.readTree(Api.as("maidstone.editor").get("/assets/" + id).then()
                .statusCode(200).extract().asString());
        api.remove(List.of("id", "version", "createdAt", "updatedAt"));
        JsonNode sql;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select cast(asset_audit_doc(a) as text) from asset a where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                sql = json.readTree(rs.getString(1));
            }
        }
        assertEquals(api, sql);
    }
}
