package org.estatehub.disposal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.DisposalFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Homes delivered on released land, by financial year: recorded by the partner holding the land (the
 * receiver of a transfer, the former owner of a sale) or the programme office, read by every partner; only on
 * a completed disposal, which the database enforces too; in the disposal's history and the change feed.
 */
@QuarkusTest
class HomesDeliveredTest {

    @Inject
    DataSource dataSource;

    private static final Map<String, Object> YEAR = Map.of("homesPermitted", 120, "homesStarted", 40, "homesCompleted", 0);

    private UUID sold(String owner) {
        return DisposalFixtures.insert(dataSource, DisposalFixtures.of(DisposalFixtures.asset(owner, "E07000110"), owner,
                "SOLD").completed(LocalDate.of(2024, 6, 28), "1250000.00", "1.2500", 80));
    }

    private static String path(UUID disposal) {
        return "/disposals/" + disposal + "/homes-delivered";
    }

    @Test
    void theFormerOwnerOfASaleRecordsAYearAndReplacesItWithItsETag() {
        UUID disposal = sold("maidstone");
        Response created = Api.as("maidstone.editor").body(YEAR).put(path(disposal) + "/2024-25");
        created.then().statusCode(201).header("ETag", "\"0\"").body("financialYear", equalTo("2024-25"))
                .body("homesPermitted", equalTo(120)).body("recordedBy", equalTo("maidstone.editor"))
                .body("recordedByPartnerId", equalTo("maidstone"));

        // Recorded: a second PUT replaces it, and needs the year's ETag.
        Api.as("maidstone.editor").body(YEAR).put(path(disposal) + "/2024-25").then().statusCode(428);
        Api.as("maidstone.editor").header("If-Match", "\"7\"").body(YEAR).put(path(disposal) + "/2024-25").then()
                .statusCode(412);
        Map<String, Object> revised = Map.of("homesPermitted", 120, "homesStarted", 55, "homesCompleted", 12);
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(revised).put(path(disposal) + "/2024-25").then()
                .statusCode(200).header("ETag", "\"1\"").body("homesStarted", equalTo(55)).body("version", equalTo(1));
        // The same figures again change nothing: same version.
        Api.as("maidstone.editor").header("If-Match", "\"1\"").body(revised).put(path(disposal) + "/2024-25").then()
                .statusCode(200).header("ETag", "\"1\"");

        // The programme office records another year; a year not yet recorded with If-Match: nothing to match.
        Api.as("pmo.admin").header("If-Match", "\"0\"").body(YEAR).put(path(disposal) + "/2023-24").then()
                .statusCode(412);
        Api.as("pmo.admin").body(Map.of("homesPermitted", 0, "homesStarted", 30, "homesCompleted", 20))
                .put(path(disposal) + "/2025-26").then().statusCode(201);

        // Every partner reads the years in order with their totals, planned against delivered.
        Api.as("dover.editor").get(path(disposal)).then().statusCode(200)
                .body("disposalId", equalTo(disposal.toString())).body("homesPlanned", equalTo(80))
                .body("years.financialYear", equalTo(List.of("2024-25", "2025-26")))
                .body("totals.homesPermitted", equalTo(120)).body("totals.homesStarted", equalTo(85))
                .body("totals.homesCompleted", equalTo(32));
    }

    @Test
    void othersMayNotRecordAndNothingIsSaved() {
        UUID disposal = sold("maidstone");
        for (String user : List.of("dover.editor", "maidstone.viewer", "board.member", "s151.officer")) {
            Api.as(user).body(YEAR).put(path(disposal) + "/2024-25").then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
        }
        Api.as("dover.editor").get(path(disposal)).then().statusCode(200).body("years", hasSize(0))
                .body("totals.homesCompleted", equalTo(0));
    }

    @Test
    void aTransfersReceiverRecordsNotItsFormerOwner() {
        String asset = DisposalFixtures.asset("maidstone", "E07000110");
        UUID disposal = DisposalFixtures.insert(dataSource, DisposalFixtures.of(asset, "dover", "TRANSFERRED")
                .receiver("maidstone").completed(LocalDate.of(2024, 9, 30), null, "0.8000", 24));
        Api.as("dover.editor").body(YEAR).put(path(disposal) + "/2024-25").then().statusCode(403);
        Api.as("maidstone.editor").body(YEAR).put(path(disposal) + "/2024-25").then().statusCode(201);
        Api.as("police.viewer").get(path(disposal)).then().statusCode(200).body("years", hasSize(1))
                .body("homesPlanned", equalTo(24));
    }

    @Test
    void aLiveDisposalHasNoHomesTheServiceAndTheDatabaseRefuse() throws SQLException {
        for (String status : List.of("OFFERED", "TRANSFER_AGREED", "ON_OPEN_MARKET", "WITHDRAWN")) {
            var spec = DisposalFixtures.of(DisposalFixtures.asset("maidstone", "E07000110"), "maidstone", status);
            UUID disposal = DisposalFixtures.insert(dataSource, status.equals("TRANSFER_AGREED") ? spec.receiver("dover")
                    : spec);
            Api.as("maidstone.editor").body(YEAR).put(path(disposal) + "/2024-25").then().statusCode(409)
                    .contentType(startsWith("application/problem+json")).body("detail", containsString(status));
            Api.as("maidstone.editor").get(path(disposal)).then().statusCode(200).body("years", hasSize(0))
                    .body("homesPlanned", equalTo(null));
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate("""
                        insert into disposal_homes_delivery (disposal_id, financial_year, homes_permitted, homes_started,
                               homes_completed, recorded_by, recorded_at)
                        values ('%s', '2024-25', 1, 1, 1, 'test', now())""".formatted(disposal)), status);
                assertEquals("23514", refused.getSQLState(), status + ": " + refused.getMessage());
                assertTrue(refused.getMessage().contains("completed disposal"), refused.getMessage());
            }
        }
    }

    @Test
    void theDatabaseRefusesBadYearsAndNegativeCountsAndKeepsACompletionWithHomesComplete() throws SQLException {
        UUID disposal = sold("maidstone");
        Api.as("maidstone.editor").body(YEAR).put(path(disposal) + "/2024-25").then().statusCode(201);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String bad : List.of("('2024-26', 1, 1, 1)", "('2023-24', -1, 0, 0)", "('2023-24', 0, 0, -1)")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate("""
                        insert into disposal_homes_delivery (disposal_id, financial_year, homes_permitted, homes_started,
                               homes_completed, recorded_by, recorded_at)
                        select '%s', v.*, 'test', now() from (values %s) v""".formatted(disposal, bad)), bad);
                assertEquals("23514", refused.getSQLState(), bad);
            }
            SQLException reopened = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "update disposal set status = 'WITHDRAWN' where id = '" + disposal + "'"));
            assertEquals("23514", reopened.getSQLState());
        }
    }

    @Test
    void badInputIsA400NamingTheFieldAndSavesNothing() {
        UUID disposal = sold("maidstone");
        String year = path(disposal) + "/2024-25";
        Api.badRequestAs("maidstone.editor").contentType("application/json").body("{\"homesPermitted\": 1,"
                + " \"homesStarted\": -1, \"homesCompleted\": 0}").put(year).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body(containsString("homesStarted"));
        Api.badRequestAs("maidstone.editor").contentType("application/json").body("{\"homesPermitted\": 1,"
                + " \"homesStarted\": 1}").put(year).then().statusCode(400).body(containsString("homesCompleted"));
        Api.badRequestAs("maidstone.editor").contentType("application/json").body("{\"homesPermitted\": 1,"
                + " \"homesStarted\": 1, \"homesCompleted\": 1, \"homesDemolished\": 3}").put(year).then()
                .statusCode(400).body(containsString("homesDemolished"));
        for (String badYear : List.of("2024-26", "2024", "24-25", "2024-2025")) {
            Api.badRequestAs("maidstone.editor").contentType("application/json").body(YEAR)
                    .put(path(disposal) + "/" + badYear).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body(containsString("financialYear"));
        }
        // A year that has not begun yet.
        Api.badRequestAs("maidstone.editor").contentType("application/json").body(YEAR)
                .put(path(disposal) + "/2098-99").then().statusCode(400).body(containsString("financialYear"))
                .body(containsString("not begun"));
        Api.as("maidstone.editor").get(path(disposal)).then().statusCode(200).body("years", hasSize(0));
        Api.as("maidstone.editor").get("/disposals/" + UUID.randomUUID() + "/homes-delivered").then().statusCode(404);
        Api.as("maidstone.editor").body(YEAR).put("/disposals/" + UUID.randomUUID() + "/homes-delivered/2024-25")
                .then().statusCode(404);
    }

    @Test
    void eachChangeIsInTheFeedAsPartOfTheDisposalForEveryPartner() {
        UUID disposal = sold("maidstone");
        Api.as("maidstone.editor").body(YEAR).put(path(disposal) + "/2024-25").then().statusCode(201);
        Api.as("maidstone.editor").header("If-Match", "\"0\"")
                .body(Map.of("homesPermitted", 120, "homesStarted", 41, "homesCompleted", 0))
                .put(path(disposal) + "/2024-25").then().statusCode(200);
        List<JsonPath> events = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            JsonPath page = Api.as("police.viewer").get("/events?limit=500" + (cursor == null ? "" : "&after=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.entityId");
            for (int i = 0; i < ids.size(); i++) {
                if ((disposal + "/2024-25").equals(ids.get(i))) {
                    events.add(page);
                    indexes.add(i);
                }
            }
            cursor = page.getString("nextCursor");
            more = page.getBoolean("hasMore");
        }
        assertEquals(2, events.size(), "the creation and the change, seen by another partner");
        String first = "items[" + indexes.get(0) + "]";
        String second = "items[" + indexes.get(1) + "]";
        assertEquals("HOMES_DELIVERED", events.get(0).getString(first + ".entityType"));
        assertEquals("DISPOSAL", events.get(0).getString(first + ".parentType"));
        assertEquals(disposal.toString(), events.get(0).getString(first + ".parentId"));
        assertEquals("CREATED", events.get(0).getString(first + ".action"));
        assertEquals("UPDATED", events.get(1).getString(second + ".action"));
        assertEquals("maidstone.editor", events.get(1).getString(second + ".actor.username"));
        assertEquals(41, events.get(1).getInt(second + ".changes.homesStarted.to"));
    }
}
