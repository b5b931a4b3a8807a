package org.estatehub.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;

/** Drives rounds and bids through the real API to produce awards for tests. */
public final class FundingFixtures {

    private FundingFixtures() {
    }

    public static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "GBP");
    }

    /** An OPEN round of the programme, open from yesterday for a month. */
    public static String openRound(String programme) {
        LocalDate today = LocalDate.now();
        return Api.as("pmo.admin").body(Map.of("programme", programme,
                "name", programme + " test round " + UUID.randomUUID().toString().substring(0, 8),
                "opensOn", today.minusDays(1).toString(), "closesOn", today.plusDays(30).toString(),
                "status", "OPEN")).post("/funding-rounds").then().statusCode(201).extract().path("id");
    }

    /** A project led by the partner, started by the programme office. */
    public static String project(String leadPartnerId) {
        return ProjectFixtures.createId("pmo.admin", ProjectFixtures.with(
                ProjectFixtures.project("Funded " + UUID.randomUUID().toString().substring(0, 8)),
                "leadPartnerId", leadPartnerId));
    }

    public static Map<String, Object> line(String projectId, String amount, String... activities) {
        return Map.of("projectId", projectId, "amountRequested", money(amount), "activities", List.of(activities));
    }

    public static Response createBid(String roundId, List<Map<String, Object>> lines) {
        Response response = Api.as("pmo.admin").body(Map.of("roundId", roundId, "title", "Test bid", "lines", lines))
                .post("/bids");
        response.then().statusCode(201);
        return response;
    }

    public static String etag(String user, String path) {
        return Api.as(user).get(path).then().statusCode(200).extract().header("ETag");
    }

    public static Response signOff(String bidId) {
        return Api.as("s151.officer").header("If-Match", etag("pmo.admin", "/bids/" + bidId))
                .post("/bids/" + bidId + "/sign-off");
    }

    public static Response submit(String bidId) {
        return Api.as("pmo.admin").header("If-Match", etag("pmo.admin", "/bids/" + bidId))
                .post("/bids/" + bidId + "/submission");
    }

    /** Awards every line the given amounts, in line order. */
    public static Response decide(String bidId, String... awarded) {
        List<String> lineIds = Api.as("pmo.admin").get("/bids/" + bidId).then().extract().jsonPath()
                .getList("lines.id", String.class);
        List<Map<String, Object>> decisions = new java.util.ArrayList<>();
        for (int i = 0; i < lineIds.size(); i++) {
            decisions.add(Map.of("lineId", lineIds.get(i), "amountAwarded", money(awarded[i])));
        }
        return Api.as("pmo.admin").header("If-Match", etag("pmo.admin", "/bids/" + bidId))
                .body(Map.of("decidedOn", LocalDate.now().toString(), "lines", decisions))
                .post("/bids/" + bidId + "/decision");
    }

    /** A decided one-line bid: returns the award id for a project led by `leadPartnerId`. */
    public static String award(String programme, String leadPartnerId, String amount, String... activities) {
        String round = openRound(programme);
        String bid = createBid(round, List.of(line(project(leadPartnerId), amount, activities))).path("id");
        signOff(bid).then().statusCode(200);
        submit(bid).then().statusCode(200);
        return decide(bid, amount).then().statusCode(200).extract().path("lines[0].awardId");
    }

    public static Map<String, Object> claim(String invoice, String amount, String activity) {
        return Map.of("invoiceReference", invoice, "amount", money(amount), "activity", activity);
    }
}
