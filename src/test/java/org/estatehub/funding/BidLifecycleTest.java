package org.estatehub.funding;

import static org.estatehub.testing.FundingFixtures.createBid;
import static org.estatehub.testing.FundingFixtures.decide;
import static org.estatehub.testing.FundingFixtures.etag;
import static org.estatehub.testing.FundingFixtures.line;
import static org.estatehub.testing.FundingFixtures.money;
import static org.estatehub.testing.FundingFixtures.openRound;
import static org.estatehub.testing.FundingFixtures.project;
import static org.estatehub.testing.FundingFixtures.signOff;
import static org.estatehub.testing.FundingFixtures.submit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every bid transition, allowed and refused, and who may make it. */
@QuarkusTest
class BidLifecycleTest {

    @Test
    void draftSignOffSubmitDecide() {
        String round = openRound("OPE");
        String maidstoneProject = project("maidstone");
        String doverProject = project("dover");

        Api.as("maidstone.editor").body(Map.of("roundId", round, "title", "Not mine", "lines", List.of()))
                .post("/bids").then().statusCode(403);
        String bid = createBid(round, List.of(line(maidstoneProject, "120000.00", "Feasibility study", "Project manager")))
                .then().body("status", equalTo("DRAFT")).body("totalRequested.amount", equalTo("120000.00"))
                .extract().path("id");

        // Revise while a draft; the version moves.
        Map<String, Object> revised = Map.of("roundId", round, "title", "KEP bid", "lines", List.of(
                line(maidstoneProject, "100000.00", "Feasibility study", "Project manager"),
                line(doverProject, "50000.50", "Site investigation")));
        Api.as("pmo.admin").body(revised).put("/bids/" + bid).then().statusCode(428);
        Api.as("pmo.admin").header("If-Match", etag("pmo.admin", "/bids/" + bid)).body(revised).put("/bids/" + bid)
                .then().statusCode(200).body("totalRequested.amount", equalTo("150000.50"))
                .body("lines[1].leadPartnerId", equalTo("dover"));

        // Submission before sign-off, and sign-off by anyone but the accountable body's S.151 officer.
        submit(bid).then().statusCode(409).contentType("application/problem+json");
        Api.as("pmo.admin").header("If-Match", etag("pmo.admin", "/bids/" + bid)).post("/bids/" + bid + "/sign-off")
                .then().statusCode(403);
        Api.as("maidstone.editor").header("If-Match", etag("pmo.admin", "/bids/" + bid)).post("/bids/" + bid + "/sign-off")
                .then().statusCode(403);
        signOff(bid).then().statusCode(200).body("status", equalTo("SIGNED_OFF"))
                .body("signedOffBy", equalTo("s151.officer")).body("signedOffAt", notNullValue());
        signOff(bid).then().statusCode(409);
        Api.as("pmo.admin").header("If-Match", etag("pmo.admin", "/bids/" + bid)).body(revised).put("/bids/" + bid)
                .then().statusCode(409);
        decide(bid, "1.00", "1.00").then().statusCode(409);

        Api.as("maidstone.editor").header("If-Match", etag("pmo.admin", "/bids/" + bid)).post("/bids/" + bid + "/submission")
                .then().statusCode(403);
        submit(bid).then().statusCode(200).body("status", equalTo("SUBMITTED")).body("submittedBy", equalTo("pmo.admin"));
        submit(bid).then().statusCode(409);

        // The decision: never more than requested, every line once.
        decide(bid, "100000.01", "0.00").then().statusCode(400).body("errors[0].field", equalTo("lines[0].amountAwarded"));
        String lineId = Api.as("pmo.admin").get("/bids/" + bid).then().extract().path("lines[0].id");
        Api.badRequestAs("pmo.admin").contentType("application/json").header("If-Match", etag("pmo.admin", "/bids/" + bid))
                .body(Map.of("decidedOn", LocalDate.now().toString(),
                        "lines", List.of(Map.of("lineId", lineId, "amountAwarded", money("1.00")))))
                .post("/bids/" + bid + "/decision").then().statusCode(400).body("errors[0].field", equalTo("lines"));
        Api.as("maidstone.editor").header("If-Match", etag("pmo.admin", "/bids/" + bid))
                .body(Map.of("decidedOn", LocalDate.now().toString(),
                        "lines", List.of(Map.of("lineId", lineId, "amountAwarded", money("1.00")))))
                .post("/bids/" + bid + "/decision").then().statusCode(403);
        decide(bid, "80000.00", "0.00").then().statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("totalAwarded.amount", equalTo("80000.00"))
                .body("lines[0].awardId", notNullValue())
                .body("lines[1].amountAwarded.amount", equalTo("0.00"))
                .body("lines[1].awardId", org.hamcrest.Matchers.nullValue());
        decide(bid, "80000.00", "0.00").then().statusCode(409);

        String award = Api.as("dover.editor").get("/bids/" + bid).then().extract().path("lines[0].awardId");
        Api.as("dover.editor").get("/awards/" + award).then().statusCode(200)
                .body("recipientPartnerId", equalTo("maidstone"))
                .body("programme", equalTo("OPE"))
                .body("amountAwarded.amount", equalTo("80000.00"))
                .body("released.amount", equalTo("0.00"))
                .body("balance.amount", equalTo("80000.00"))
                .body("activities", hasItem("Feasibility study"));
        Api.as("dover.editor").get("/awards?roundId=" + round).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void submissionOnlyWhileTheRoundIsOpen() {
        LocalDate today = LocalDate.now();
        String planned = Api.as("pmo.admin").body(Map.of("programme", "BLRF", "name", "Planned " + System.nanoTime(),
                "opensOn", today.plusDays(10).toString(), "closesOn", today.plusDays(40).toString()))
                .post("/funding-rounds").then().statusCode(201).body("status", equalTo("PLANNED")).extract().path("id");
        String bid = createBid(planned, List.of(line(project("dover"), "10.00", "Survey"))).path("id");
        signOff(bid).then().statusCode(200);
        submit(bid).then().statusCode(409).body("detail", containsString("not open"));

        // Opened early but its dates have not started: still refused.
        Map<String, Object> open = Map.of("programme", "BLRF", "name", "Planned then open " + planned,
                "opensOn", today.plusDays(10).toString(), "closesOn", today.plusDays(40).toString(), "status", "OPEN");
        Api.as("pmo.admin").header("If-Match", etag("pmo.admin", "/funding-rounds/" + planned)).body(open)
                .put("/funding-rounds/" + planned).then().statusCode(200).body("status", equalTo("OPEN"));
        submit(bid).then().statusCode(409);

        // Closed rounds refuse submissions, and a round's status never goes back.
        String round = openRound("LRF");
        String late = createBid(round, List.of(line(project("dover"), "10.00", "Survey"))).path("id");
        signOff(late).then().statusCode(200);
        Map<String, Object> closed = Map.of("programme", "LRF", "name", "Closed " + round,
                "opensOn", today.minusDays(1).toString(), "closesOn", today.plusDays(30).toString(), "status", "CLOSED");
        Api.as("pmo.admin").header("If-Match", etag("pmo.admin", "/funding-rounds/" + round)).body(closed)
                .put("/funding-rounds/" + round).then().statusCode(200);
        submit(late).then().statusCode(409);
        Api.as("pmo.admin").header("If-Match", etag("pmo.admin", "/funding-rounds/" + round))
                .body(Map.of("programme", "LRF", "name", "Closed " + round, "opensOn", today.minusDays(1).toString(),
                        "closesOn", today.plusDays(30).toString(), "status", "OPEN"))
                .put("/funding-rounds/" + round).then().statusCode(409);
        Api.as("pmo.admin").body(Map.of("roundId", round, "title", "Too late", "lines", List.of()))
                .post("/bids").then().statusCode(409);
    }

    @Test
    void roundsAndBidsValidation() {
        LocalDate today = LocalDate.now();
        Api.as("maidstone.editor").body(Map.of("programme", "OPE", "name", "x", "opensOn", today.toString(),
                "closesOn", today.toString())).post("/funding-rounds").then().statusCode(403);
        Api.badRequestAs("pmo.admin").contentType("application/json").body(Map.of("programme", "OPE", "name", "Backwards",
                "opensOn", today.toString(), "closesOn", today.minusDays(1).toString()))
                .post("/funding-rounds").then().statusCode(400).body("errors[0].field", equalTo("closesOn"));
        Api.badRequestAs("pmo.admin").contentType("application/json").body(Map.of("programme", "EU", "name", "x",
                "opensOn", today.toString(), "closesOn", today.toString())).post("/funding-rounds").then().statusCode(400);
        Api.as("pmo.admin").body(Map.of("programme", "OPE", "name", "OPE Phase 4", "opensOn", today.toString(),
                "closesOn", today.toString())).post("/funding-rounds").then().statusCode(409);

        String round = openRound("OPE");
        String p = project("dover");
        Api.badRequestAs("pmo.admin").contentType("application/json").body(Map.of("roundId", round, "title", "Dup",
                "lines", List.of(line(p, "1.00", "a"), line(p, "2.00", "b")))).post("/bids")
                .then().statusCode(400).body("errors[0].field", equalTo("lines[1].projectId"));
        Api.badRequestAs("pmo.admin").contentType("application/json").body(Map.of("roundId", round, "title", "Zero",
                "lines", List.of(line(p, "0.00", "a")))).post("/bids")
                .then().statusCode(400).body("errors[0].field", equalTo("lines[0].amountRequested.amount"));
        Api.badRequestAs("pmo.admin").contentType("application/json").body(Map.of("roundId", round, "title", "Float",
                "lines", List.of(Map.of("projectId", p, "amountRequested", Map.of("amount", 1.5, "currency", "GBP"),
                        "activities", List.of("a"))))).post("/bids").then().statusCode(400);
        Api.badRequestAs("pmo.admin").contentType("application/json").body(Map.of("roundId", round, "title", "No activity",
                "lines", List.of(Map.of("projectId", p, "amountRequested", money("1.00"), "activities", List.of()))))
                .post("/bids").then().statusCode(400);
        String empty = createBid(round, List.of()).path("id");
        signOff(empty).then().statusCode(409);
    }
}
