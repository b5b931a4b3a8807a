package org.estatehub.disposal;

import static org.estatehub.disposal.DisposalFixtures.declareId;
import static org.estatehub.disposal.DisposalFixtures.etag;
import static org.estatehub.disposal.DisposalFixtures.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.TestClock;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The disposal workflow with real tokens across partners: Maidstone offers, Dover and Kent Police register
 * interest, Sevenoaks only watches. Both ways to completion (transfer and sale), the first-refusal window
 * around Christmas, and the confidentiality of expressions of interest in every read.
 */
@QuarkusTest
class DisposalTest {

    @Inject
    DataSource dataSource;

    @Test
    void aTransferMovesTheAssetToTheReceiverAndBothOwnersSeeItsHistory() throws Exception {
        String marker = AssetFixtures.token();
        String asset = DisposalFixtures.asset("maidstone", "OWNER_ONLY", "Depot " + marker);
        String cursor = DisposalFeed.cursorNow(dataSource);
        Response declared = DisposalFixtures.declare("maidstone.editor", asset);
        declared.then().statusCode(201).header("ETag", equalTo("\"0\"")).body("status", equalTo("OFFERED"))
                .body("ownerPartnerId", equalTo("maidstone")).body("windowOpen", equalTo(true))
                .body("interestWindowWorkingDays", equalTo(40)).body("guidePrice.amount", equalTo("850000.00"))
                .body("offerTypes", equalTo(List.of("FREEHOLD_SALE", "LEASEHOLD")));
        String disposal = declared.path("id");
        assertEquals("/disposals/" + disposal, java.net.URI.create(declared.header("Location")).getPath());
        Api.as("pmo.admin").get("/assets/" + asset).then().statusCode(200).body("status", equalTo("SURPLUS"));
        Api.as("maidstone.editor").get("/assets/" + asset + "/history?limit=500").then().statusCode(200)
                .body("items[-1].changes.status.to", equalTo("SURPLUS"))
                .body("items[-1].note", containsString(disposal));

        // Published to everyone, the OWNER_ONLY asset's register fields never.
        Api.as("dover.editor").get("/assets/" + asset).then().statusCode(404);
        String published = Api.as("dover.editor").get("/disposals/" + disposal).then().statusCode(200)
                .body("asset.name", equalTo("Depot " + marker)).body("asset.localAuthority", equalTo("E07000110"))
                .body("asset.location.latitude", equalTo(51.27f)).extract().asString();
        for (String registerField : List.of("annualRunningCost", "utilisationPercent", "grossInternalAreaM2", "uprn",
                "ownReference", "100000.10")) {
            assertFalse(published.contains(registerField), registerField + " published: " + published);
        }
        DisposalFixtures.declare("maidstone.editor", asset).then().statusCode(409)
                .body("detail", containsString("/disposals/" + disposal));

        // First refusal: other partners' editors, once each; never the owner.
        String dover = register("dover.editor", disposal, "HOUSING", "dover-" + marker);
        String police = register("police.editor", disposal, "CO_LOCATION", "police-" + marker);
        Api.as("maidstone.editor").body(DisposalFixtures.interest("HOUSING", "own")).post("/disposals/" + disposal
                + "/interests").then().statusCode(403);
        Api.as("maidstone.viewer").body(DisposalFixtures.interest("HOUSING", "own")).post("/disposals/" + disposal
                + "/interests").then().statusCode(403);
        Api.as("dover.editor").body(DisposalFixtures.interest("HOUSING", "again")).post("/disposals/" + disposal
                + "/interests").then().statusCode(409);

        assertConfidential(disposal, dover, police, marker);

        // The owner shortlists and agrees; the other interest is declined with it.
        String interests = "/disposals/" + disposal + "/interests/";
        Api.as("dover.editor").header("If-Match", "\"0\"").post(interests + dover + "/shortlisting").then().statusCode(403);
        Api.as("dover.editor").header("If-Match", "\"0\"").post(interests + police + "/shortlisting").then().statusCode(404);
        Api.as("maidstone.editor").header("If-Match", "\"0\"").post(interests + police + "/shortlisting").then()
                .statusCode(200).body("status", equalTo("SHORTLISTED")).header("ETag", equalTo("\"1\""));
        Api.as("police.editor").get(interests + police + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATED", "STATUS_CHANGED")));
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(Map.of("interestId", police))
                .post("/disposals/" + disposal + "/transfer-agreement").then().statusCode(200)
                .body("status", equalTo("TRANSFER_AGREED")).body("receivingPartnerId", equalTo("kent-police"))
                .header("ETag", equalTo("\"1\""));
        Api.as("dover.editor").get(interests + dover).then().statusCode(200).body("status", equalTo("DECLINED"));
        Api.as("police.editor").get(interests + police).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        Api.as("police.editor").header("If-Match", "\"2\"").post(interests + police + "/withdrawal").then()
                .statusCode(409);
        Api.as("maidstone.editor").header("If-Match", "\"1\"").post("/disposals/" + disposal + "/open-market-release")
                .then().statusCode(409);

        // Completion: the asset is Kent Police's now.
        Api.as("police.editor").header("If-Match", "\"1\"").body(Map.of("completedOn", today()))
                .post("/disposals/" + disposal + "/completion").then().statusCode(403);
        Api.as("maidstone.editor").header("If-Match", "\"1\"").body(Map.of("completedOn", today(), "housingCapacity", 0))
                .post("/disposals/" + disposal + "/completion").then().statusCode(200)
                .body("status", equalTo("TRANSFERRED")).body("hectaresReleased", equalTo(1.25f))
                .body("completedOn", equalTo(today())).body("capitalReceipt", nullValue());
        Api.as("police.editor").get("/assets/" + asset).then().statusCode(200)
                .body("ownerPartnerId", equalTo("kent-police")).body("status", equalTo("OPERATIONAL"));
        Api.as("maidstone.editor").get("/assets/" + asset).then().statusCode(404);
        for (String side : List.of("maidstone.editor", "police.editor")) {
            JsonPath history = Api.as(side).get("/assets/" + asset + "/history?limit=500").then().statusCode(200)
                    .extract().jsonPath();
            assertTrue(history.getList("items.action").contains("TRANSFERRED"), side + " sees the transfer");
            assertTrue(history.getList("items.action").contains("CREATED"), side + " sees the registration");
        }
        Api.as("dover.editor").get("/assets/" + asset + "/history").then().statusCode(404);
        Api.as("sevenoaks.editor").get("/assets/" + asset + "/history").then().statusCode(404);
        Api.as("maidstone.editor").header("If-Match", "\"2\"").body(Map.of("reason", "late"))
                .post("/disposals/" + disposal + "/withdrawal").then().statusCode(409);

        // After agreement the receiving partner is public; the declined interest still is not.
        DisposalFeed.awaitInFeed(cursor, disposal, "TRANSFERRED");
        DisposalFeed.assertFeedWithout(cursor, "sevenoaks.editor", disposal, List.of(dover, police));
        DisposalFeed.assertFeedWithout(cursor, "police.editor", disposal, List.of(dover));
        DisposalFeed.assertFeedWithout(cursor, "dover.editor", disposal, List.of(police));
        String sevenoaksHistory = Api.as("sevenoaks.editor").get("/disposals/" + disposal + "/history").then()
                .statusCode(200).body("items.action", equalTo(List.of("CREATED", "STATUS_CHANGED", "STATUS_CHANGED")))
                .extract().asString();
        assertFalse(sevenoaksHistory.contains("dover"), sevenoaksHistory);
    }

    /** Every read by every kind of caller, while both interests are live. */
    private void assertConfidential(String disposal, String dover, String police, String marker) {
        String interests = "/disposals/" + disposal + "/interests";
        Api.as("dover.editor").get(interests).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(dover));
        Api.as("police.viewer").get(interests).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(police));
        Api.as("sevenoaks.editor").get(interests).then().statusCode(200).body("total", equalTo(0));
        for (String reader : List.of("maidstone.viewer", "maidstone.editor", "pmo.admin", "board.member", "s151.officer")) {
            Api.as(reader).get(interests).then().statusCode(200).body("total", equalTo(2));
            Api.as(reader).get(interests + "/" + police).then().statusCode(200).body("partnerId", equalTo("kent-police"));
            Api.as(reader).get(interests + "/" + police + "/history").then().statusCode(200);
        }
        for (String outsider : List.of("dover.editor", "sevenoaks.editor", "nhs.editor")) {
            Api.as(outsider).get(interests + "/" + police).then().statusCode(404)
                    .body(not(containsString("police-" + marker)));
            Api.as(outsider).get(interests + "/" + police + "/history").then().statusCode(404);
        }
        Api.as("police.editor").get(interests + "/" + dover).then().statusCode(404);
        // The interest of another disposal is not found under this one.
        Api.as("pmo.admin").get("/disposals/" + UUID.randomUUID() + "/interests/" + police).then().statusCode(404);

        for (String reader : List.of("dover.editor", "police.editor", "sevenoaks.editor", "maidstone.editor")) {
            String one = Api.as(reader).get("/disposals/" + disposal).then().statusCode(200).extract().asString();
            String list = Api.as(reader).get("/disposals?ownerPartnerId=maidstone&limit=500").then().statusCode(200)
                    .extract().asString();
            String history = Api.as(reader).get("/disposals/" + disposal + "/history").then().statusCode(200)
                    .body("items.action", equalTo(List.of("CREATED"))).extract().asString();
            String csv = Api.as(reader).accept("text/csv").get("/disposals/export?ownerPartnerId=maidstone").then()
                    .statusCode(200).extract().asString();
            assertTrue(csv.contains(disposal), "the export lists the disposal");
            for (String text : List.of(one, list, history, csv)) {
                for (String secret : List.of(dover, police, "dover-" + marker, "police-" + marker)) {
                    assertFalse(text.contains(secret), reader + " reads " + secret + " in " + text);
                }
            }
            // Other disposals in the list may name their receivers; this one names no interested partner.
            for (String text : List.of(one, history)) {
                assertFalse(text.contains("kent-police") || text.contains("\"dover\""), reader + " reads a partner in " + text);
            }
        }
    }

    @Test
    void theWindowClosesFortyWorkingDaysAfterChristmasAndTheSiteIsThenSold() {
        String marker = AssetFixtures.token();
        String asset = DisposalFixtures.asset("maidstone", "PARTNERSHIP", "Yard " + marker);
        String disposal;
        try {
            // Monday 23 November 2026: Christmas Day (Fri), Boxing Day's substitute (Mon 28th) and New Year's Day
            // (Fri) fall in the window, so its 40 working days end on Thursday 21 January 2027.
            TestClock.fixAt(Instant.parse("2026-11-23T10:00:00Z"));
            disposal = declareId("maidstone.editor", asset);
            Api.as("dover.editor").get("/disposals/" + disposal).then().statusCode(200)
                    .body("declaredOn", equalTo("2026-11-23")).body("interestClosesOn", equalTo("2027-01-21"));
            String dover = register("dover.editor", disposal, "REGENERATION", marker);
            Api.as("maidstone.editor").header("If-Match", etag("maidstone.editor", "/assets/" + asset))
                    .body(Map.of("disposedOn", "2026-11-23", "reason", "Sold"))
                    .post("/assets/" + asset + "/disposal").then().statusCode(409)
                    .body("detail", containsString("/disposals/" + disposal));

            TestClock.fixAt(Instant.parse("2027-01-20T10:00:00Z"));
            release(disposal, "\"0\"").statusCode(409).body("detail", containsString("2027-01-21"));
            TestClock.fixAt(Instant.parse("2027-01-21T23:30:00Z")); // 21 January in UTC, 21 January in England
            release(disposal, "\"0\"").statusCode(409);
            Api.as("police.editor").body(DisposalFixtures.interest("HOUSING", marker))
                    .post("/disposals/" + disposal + "/interests").then().statusCode(201);
            Api.as("dover.editor").get("/disposals?windowOpen=true&ownerPartnerId=maidstone&limit=500").then()
                    .statusCode(200).body("items.id", hasItem(disposal));

            TestClock.fixAt(Instant.parse("2027-01-22T09:00:00Z"));
            Api.as("sevenoaks.editor").body(DisposalFixtures.interest("HOUSING", marker))
                    .post("/disposals/" + disposal + "/interests").then().statusCode(409)
                    .body("detail", containsString("2027-01-21"));
            Api.as("dover.editor").get("/disposals?windowOpen=true&ownerPartnerId=maidstone&limit=500").then()
                    .statusCode(200).body("items.id", not(hasItem(disposal)));
            release(disposal, "\"0\"").statusCode(200).body("status", equalTo("ON_OPEN_MARKET"))
                    .body("releasedOn", equalTo("2027-01-22")).body("windowOpen", equalTo(false));
            Api.as("dover.editor").get("/disposals/" + disposal + "/interests/" + dover).then().statusCode(200)
                    .body("status", equalTo("DECLINED"));

            Api.as("maidstone.editor").header("If-Match", "\"1\"")
                    .body(Map.of("completedOn", "2027-01-22", "hectaresReleased", 1.2)).post("/disposals/" + disposal
                            + "/completion").then().statusCode(400).body("errors.field", hasItem("capitalReceipt"));
            Api.as("maidstone.editor").header("If-Match", "\"1\"")
                    .body(Map.of("completedOn", "2027-01-21", "capitalReceipt", Map.of("amount", "912500.55", "currency", "GBP")))
                    .post("/disposals/" + disposal + "/completion").then().statusCode(400)
                    .body("errors.field", hasItem("completedOn"));
            Api.as("maidstone.editor").header("If-Match", "\"1\"")
                    .body(Map.of("completedOn", "2027-01-22", "capitalReceipt", Map.of("amount", "912500.55", "currency", "GBP"),
                            "hectaresReleased", 1.2, "housingCapacity", 48))
                    .post("/disposals/" + disposal + "/completion").then().statusCode(200)
                    .body("status", equalTo("SOLD")).body("capitalReceipt.amount", equalTo("912500.55"))
                    .body("hectaresReleased", equalTo(1.2f)).body("housingCapacity", equalTo(48));
            Api.as("dover.editor").get("/assets/" + asset).then().statusCode(200).body("status", equalTo("DISPOSED"))
                    .body("disposal.disposedOn", equalTo("2027-01-22"));
            String csv = Api.as("sevenoaks.editor").accept("text/csv").get("/disposals/export?status=SOLD").then()
                    .statusCode(200).header("Content-Disposition", containsString("disposals.csv")).extract().asString();
            String row = csv.lines().filter(l -> l.startsWith(disposal)).findFirst().orElseThrow();
            assertTrue(row.contains(",912500.55,1.2,48,"), row);
            assertTrue(csv.startsWith("DisposalId,Status,AssetId,SiteName,"), csv);
        } finally {
            TestClock.release();
        }
    }

    @Test
    void aWithdrawalCallsOffTheAgreementAndTheSiteCanBeOfferedAgain() {
        String marker = AssetFixtures.token();
        String asset = DisposalFixtures.asset("maidstone", "PARTNERSHIP", "Hall " + marker);
        String disposal = declareId("pmo.admin", asset);
        String police = register("police.editor", disposal, "SERVICE_DELIVERY", marker);
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(Map.of("interestId", UUID.randomUUID()))
                .post("/disposals/" + disposal + "/transfer-agreement").then().statusCode(400)
                .body("errors[0].field", equalTo("interestId"));
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(Map.of("interestId", police))
                .post("/disposals/" + disposal + "/transfer-agreement").then().statusCode(200);
        Api.as("maidstone.editor").header("If-Match", "\"1\"").body(Map.of("reason", "  "))
                .post("/disposals/" + disposal + "/withdrawal").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        Api.as("maidstone.editor").header("If-Match", "\"1\"").body(Map.of("reason", "Retained for the hub"))
                .post("/disposals/" + disposal + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("receivingPartnerId", nullValue())
                .body("withdrawalReason", equalTo("Retained for the hub")).body("withdrawnOn", equalTo(today()));
        Api.as("police.editor").get("/disposals/" + disposal + "/interests/" + police).then().statusCode(200)
                .body("status", equalTo("DECLINED"));
        Api.as("pmo.admin").get("/assets/" + asset).then().statusCode(200).body("status", equalTo("SURPLUS"))
                .body("ownerPartnerId", equalTo("maidstone"));
        declareId("maidstone.editor", asset);
    }

    @Test
    void aCompletionNamesAProjectTheOwnerOrReceiverTakesPartIn() {
        String marker = AssetFixtures.token();
        String asset = DisposalFixtures.asset("maidstone", "PARTNERSHIP", "Plot " + marker);
        String disposal = declareId("maidstone.editor", asset);
        String police = register("police.editor", disposal, "HOUSING", marker);
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(Map.of("interestId", police))
                .post("/disposals/" + disposal + "/transfer-agreement").then().statusCode(200);
        String others = org.estatehub.testing.ProjectFixtures.createId("pmo.admin", org.estatehub.testing.ProjectFixtures.with(
                org.estatehub.testing.ProjectFixtures.project("Not theirs " + marker), "leadPartnerId", "dover",
                "participatingPartnerIds", List.of("sevenoaks")));
        String theirs = org.estatehub.testing.ProjectFixtures.createId("pmo.admin", org.estatehub.testing.ProjectFixtures.with(
                org.estatehub.testing.ProjectFixtures.project("Police hub " + marker), "leadPartnerId", "dover",
                "participatingPartnerIds", List.of("kent-police")));
        Api.as("maidstone.editor").header("If-Match", "\"1\"").body(Map.of("completedOn", today(), "projectId", UUID.randomUUID()))
                .post("/disposals/" + disposal + "/completion").then().statusCode(400)
                .body("errors[0].field", equalTo("projectId"));
        Api.as("maidstone.editor").header("If-Match", "\"1\"").body(Map.of("completedOn", today(), "projectId", others))
                .post("/disposals/" + disposal + "/completion").then().statusCode(400)
                .body("errors[0].field", equalTo("projectId"));
        Api.as("pmo.admin").get("/assets/" + asset).then().body("ownerPartnerId", equalTo("maidstone"));
        Api.as("maidstone.editor").header("If-Match", "\"1\"").body(Map.of("completedOn", today(), "projectId", theirs,
                "capitalReceipt", Map.of("amount", "1.00", "currency", "GBP")))
                .post("/disposals/" + disposal + "/completion").then().statusCode(200)
                .body("projectId", equalTo(theirs)).body("capitalReceipt.amount", equalTo("1.00"));
    }

    @Test
    void twoEditorsAgreeingAtOnceEndWithOneTransfer() throws Exception {
        String marker = AssetFixtures.token();
        String asset = DisposalFixtures.asset("maidstone", "PARTNERSHIP", "Race " + marker);
        String disposal = declareId("maidstone.editor", asset);
        String dover = register("dover.editor", disposal, "HOUSING", marker);
        String police = register("police.editor", disposal, "CO_LOCATION", marker);
        var first = Api.as("maidstone.editor").header("If-Match", "\"0\"").body(Map.of("interestId", dover));
        var second = Api.as("pmo.admin").header("If-Match", "\"0\"").body(Map.of("interestId", police));
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> {
                start.await();
                return first.post("/disposals/" + disposal + "/transfer-agreement").statusCode();
            });
            var b = pool.submit(() -> {
                start.await();
                return second.post("/disposals/" + disposal + "/transfer-agreement").statusCode();
            });
            start.countDown();
            List<Integer> statuses = new ArrayList<>(List.of(a.get(), b.get()));
            statuses.sort(null);
            assertEquals(200, statuses.get(0), "one agreement: " + statuses);
            assertTrue(statuses.get(1) == 409 || statuses.get(1) == 412, "the other refused: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        JsonPath after = Api.as("pmo.admin").get("/disposals/" + disposal).then().statusCode(200)
                .body("status", equalTo("TRANSFER_AGREED")).extract().jsonPath();
        JsonPath interests = Api.as("pmo.admin").get("/disposals/" + disposal + "/interests").then().statusCode(200)
                .extract().jsonPath();
        List<String> accepted = interests.getList("items.findAll { it.status == 'ACCEPTED' }.partnerId");
        assertEquals(List.of(after.getString("receivingPartnerId")), accepted);

        // The database refuses a second accepted interest whatever the service does.
        String other = accepted.get(0).equals("dover") ? police : dover;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> s.executeUpdate(
                    "update disposal_interest set status = 'ACCEPTED' where id = '" + other + "'"));
            assertEquals("23505", refused.getSQLState(), refused.getMessage());
        }
    }

    private static io.restassured.response.ValidatableResponse release(String disposal, String etag) {
        return Api.as("maidstone.editor").header("If-Match", etag).post("/disposals/" + disposal + "/open-market-release")
                .then();
    }

    private static String today() {
        return java.time.LocalDate.now(org.estatehub.common.time.PartnershipCalendar.ZONE).toString();
    }

}
