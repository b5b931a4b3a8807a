package org.estatehub.funding;

import static org.estatehub.testing.FundingFixtures.claim;
import static org.estatehub.testing.FundingFixtures.createBid;
import static org.estatehub.testing.FundingFixtures.decide;
import static org.estatehub.testing.FundingFixtures.line;
import static org.estatehub.testing.FundingFixtures.openRound;
import static org.estatehub.testing.FundingFixtures.project;
import static org.estatehub.testing.FundingFixtures.signOff;
import static org.estatehub.testing.FundingFixtures.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Bids, awards, claims, payments and MOUs record who changed what and when, readable per record. */
@QuarkusTest
class FundingHistoryTest {

    @Test
    void aBidFromDraftToDecisionAndItsAwardsMoney() {
        String round = openRound("OPE");
        String bid = createBid(round, List.of(line(project("maidstone"), "1000.00", "Survey"))).path("id");
        signOff(bid).then().statusCode(200);
        submit(bid).then().statusCode(200);
        String award = decide(bid, "800.00").then().statusCode(200).extract().path("lines[0].awardId");

        Api.as("dover.editor").get("/bids/" + bid + "/history").then().statusCode(200)
                .body("items.action", contains("CREATED", "SIGNED_OFF", "SUBMITTED", "DECIDED"))
                .body("items.actor.username", contains("pmo.admin", "s151.officer", "pmo.admin", "pmo.admin"))
                .body("items[1].changes.status.from", equalTo("DRAFT"))
                .body("items[1].changes.status.to", equalTo("SIGNED_OFF"));
        Api.as("dover.editor").get("/funding-rounds/" + round + "/history").then().statusCode(200)
                .body("items[0].action", equalTo("CREATED"));

        String claim = Api.as("maidstone.editor").body(claim("HIST-1", "300.00", "Survey"))
                .post("/awards/" + award + "/claims").then().statusCode(201).extract().path("id");
        Api.as("pmo.admin").header("If-Match", "\"0\"").post("/claims/" + claim + "/approval").then().statusCode(200);

        Api.as("maidstone.viewer").get("/awards/" + award + "/history").then().statusCode(200)
                .body("items.action", contains("CREATED", "SUBMITTED", "RELEASED", "APPROVED"))
                .body("items.entityType", contains("AWARD", "CLAIM", "AWARD", "CLAIM"))
                .body("items[2].changes.'released.amount'.from", equalTo("0.00"))
                .body("items[2].changes.'released.amount'.to", equalTo("300.00"))
                .body("items[2].note", equalTo("claim HIST-1"))
                .body("items[3].actor.username", equalTo("pmo.admin"));
        // Other partners see that the award moved, not the invoices and amounts.
        Api.as("dover.editor").get("/awards/" + award + "/history").then().statusCode(200)
                .body("items.action", hasItem("RELEASED"))
                .body("items.changes", everyItem(nullValue()));
    }

    @Test
    void paymentsAndMous() {
        String award = org.estatehub.testing.FundingFixtures.award("BLRF", "dover", "500.00", "Demolition");
        Api.as("pmo.admin").body(Map.of("amount", Map.of("amount", "200.00", "currency", "GBP"),
                "paidOn", LocalDate.now().toString(), "reference", "HIST-PAY")).post("/awards/" + award + "/payments")
                .then().statusCode(201);
        Api.as("dover.editor").get("/awards/" + award + "/history").then()
                .body("items.entityType", contains("AWARD", "PAYMENT", "AWARD"))
                .body("items[2].changes.'balance.amount'.to", equalTo("300.00"));

        String mou = Api.as("pmo.admin").body(Map.of("partnerId", "uni-kent")).post("/mous").then().statusCode(201)
                .extract().path("id");
        Api.as("pmo.admin").header("If-Match", "\"0\"").body(Map.of("toStatus", "ISSUED", "on", LocalDate.now().toString()))
                .post("/mous/" + mou + "/status-changes").then().statusCode(200);
        Api.as("board.member").get("/mous/" + mou + "/history").then().statusCode(200)
                .body("items.action", contains("CREATED", "STATUS_CHANGED"))
                .body("items[1].changes.status.to", equalTo("ISSUED"));
        Api.as("dover.editor").get("/mous/" + mou + "/history").then().statusCode(404);
        Api.as("dover.editor").get("/awards/00000000-0000-0000-0000-000000000000/history").then().statusCode(404);
    }

    @Test
    void theFeedShowsFundingChangesOnlyToThoseWhoMaySeeThem() throws InterruptedException {
        var dover = new org.estatehub.history.ChangeFeedTest.Reader("dover.editor", null, 500).catchUp();
        var board = new org.estatehub.history.ChangeFeedTest.Reader("board.member", null, 500).catchUp();
        // Judged on the events of this test only: Dover reads the details of claims on its own awards (other
        // tests, the tenancy matrix among them, may have made some before).
        int seenBefore = dover.events.size();

        String mou = Api.as("pmo.admin").body(Map.of("partnerId", "cccu")).post("/mous").then().statusCode(201)
                .extract().path("id");
        String award = org.estatehub.testing.FundingFixtures.award("OPE", "maidstone", "100.00", "Survey");
        String claim = Api.as("maidstone.editor").body(claim("FEED-1", "10.00", "Survey"))
                .post("/awards/" + award + "/claims").then().statusCode(201).extract().path("id");

        var boardSees = board.untilMine(e -> e.entityId().equals(mou) || e.entityId().equals(claim), 2);
        org.junit.jupiter.api.Assertions.assertEquals(2, boardSees.size());
        org.junit.jupiter.api.Assertions.assertNotNull(boardSees.stream().filter(e -> e.entityId().equals(claim))
                .findFirst().orElseThrow().changes(), "the board reads the claim's values");
        dover.untilMine(e -> e.entityId().equals(claim), 1);
        org.junit.jupiter.api.Assertions.assertTrue(dover.events.stream().noneMatch(e -> e.entityId().equals(mou)),
                "Dover never sees CCCU's MOU");
        var doverSawSince = dover.events.subList(seenBefore, dover.events.size());
        org.junit.jupiter.api.Assertions.assertTrue(doverSawSince.stream()
                .filter(e -> e.entityType().equals("CLAIM")).allMatch(e -> e.changes() == null),
                "Dover sees that claims happened, never their invoices and amounts");
        org.junit.jupiter.api.Assertions.assertTrue(doverSawSince.stream().anyMatch(e -> e.entityType().equals("CLAIM")));
    }
}
