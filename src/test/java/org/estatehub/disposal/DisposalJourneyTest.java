package org.estatehub.disposal;

import static org.estatehub.disposal.DisposalFixtures.register;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.ProjectFixtures;
import org.estatehub.testing.TestClock;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue #17 end to end with real tokens: Maidstone offers two sites, Dover and Kent Police register interest
 * in the first, Sevenoaks only watches. The first is transferred to Dover; the second's window closes
 * unagreed (TestClock, June to July 2032: no bank holiday in it), it is sold on the open market naming a
 * project, and homes are recorded on it. The project's outcomes, the quarter's return (JSON and CSV) and the
 * land release dashboard then show the receipt, the land and the homes planned against delivered for
 * Maidstone's 2032-33. The return and dashboard rows for (2032-33, Maidstone) are compared before and after
 * (a rerun on the same database adds to them); the project is new, so its figures are exact as they are.
 */
@QuarkusTest
class DisposalJourneyTest {

    /** Isle of Anglesey: outside the partnership, where no other test registers anything. */
    private static final String ANGLESEY = "W06000001";

    private static final String YEAR = "2032-33";

    private static final String ROW = "find { it.financialYear == '" + YEAR + "' && it.partnerId == 'maidstone' }";

    @Inject
    DataSource dataSource;

    @Test
    void twoSitesFromDeclarationToHomesDelivered() throws Exception {
        String marker = AssetFixtures.token();
        String cursor = DisposalFeed.cursorNow(dataSource);
        Figures dashboardBefore = dashboard();
        Figures returnBefore = preview();
        Figures csvBefore = csv();
        String project = ProjectFixtures.createId("pmo.admin", ProjectFixtures.with(
                ProjectFixtures.project("Journey homes " + marker), "leadPartnerId", "maidstone"));
        String transfer;
        String sale;
        String dover;
        String police;
        try {
            // Tuesday 1 June 2032: both sites declared; their windows close 40 working days later, Tuesday 27 July.
            TestClock.fixAt(Instant.parse("2032-06-01T09:00:00Z"));
            String depot = site("Journey depot " + marker);
            String yard = site("Journey yard " + marker);
            transfer = declare(depot, "1.25");
            Map<String, Object> yardDeclaration = new HashMap<>(DisposalFixtures.declaration(yard));
            yardDeclaration.put("siteAreaHectares", 2.5);
            sale = Api.as("maidstone.editor").body(yardDeclaration).post("/disposals").then().statusCode(201)
                    .body("interestClosesOn", equalTo("2032-07-27")).extract().path("id");
            for (String reader : List.of("dover.editor", "police.viewer", "sevenoaks.editor")) {
                Api.as(reader).get("/disposals/" + transfer).then().statusCode(200).body("status", equalTo("OFFERED"))
                        .body("windowOpen", equalTo(true)).body("interestClosesOn", equalTo("2032-07-27"));
            }

            // Two partners' interests, each read only by its author (and the owner and overseers).
            dover = register("dover.editor", transfer, "HOUSING", "dover-" + marker);
            police = register("police.editor", transfer, "CO_LOCATION", "police-" + marker);
            String interests = "/disposals/" + transfer + "/interests";
            Api.as("dover.editor").get(interests).then().statusCode(200).body("total", equalTo(1))
                    .body("items[0].id", equalTo(dover));
            Api.as("police.editor").get(interests).then().statusCode(200).body("total", equalTo(1))
                    .body("items[0].id", equalTo(police));
            Api.as("sevenoaks.editor").get(interests).then().statusCode(200).body("total", equalTo(0));
            Api.as("maidstone.editor").get(interests).then().statusCode(200).body("total", equalTo(2));
            Api.as("dover.editor").get(interests + "/" + police).then().statusCode(404);
            Api.as("police.editor").get(interests + "/" + dover).then().statusCode(404);
            Api.as("sevenoaks.editor").get(interests + "/" + dover + "/history").then().statusCode(404);

            // The owner shortlists Dover and agrees the transfer; Kent Police's interest is declined with it.
            Api.as("maidstone.editor").header("If-Match", "\"0\"").post(interests + "/" + dover + "/shortlisting").then()
                    .statusCode(200).body("status", equalTo("SHORTLISTED"));
            Api.as("maidstone.editor").header("If-Match", "\"0\"").body(Map.of("interestId", dover))
                    .post("/disposals/" + transfer + "/transfer-agreement").then().statusCode(200)
                    .body("status", equalTo("TRANSFER_AGREED")).body("receivingPartnerId", equalTo("dover"))
                    .body("agreedOn", equalTo("2032-06-01"));
            Api.as("police.editor").get(interests + "/" + police).then().statusCode(200).body("status", equalTo("DECLINED"));
            Api.as("maidstone.editor").header("If-Match", "\"1\"")
                    .body(Map.of("completedOn", "2032-06-01", "housingCapacity", 0))
                    .post("/disposals/" + transfer + "/completion").then().statusCode(200)
                    .body("status", equalTo("TRANSFERRED")).body("hectaresReleased", equalTo(1.25f))
                    .body("capitalReceipt", nullValue());
            Api.as("dover.editor").get("/assets/" + depot).then().statusCode(200).body("ownerPartnerId", equalTo("dover"))
                    .body("status", equalTo("OPERATIONAL"));

            // The yard: no agreement; the window closes on 27 July, the open market from the 28th.
            TestClock.fixAt(Instant.parse("2032-07-27T16:00:00Z"));
            release(sale).statusCode(409);
            TestClock.fixAt(Instant.parse("2032-07-28T09:00:00Z"));
            release(sale).statusCode(200).body("status", equalTo("ON_OPEN_MARKET")).body("releasedOn", equalTo("2032-07-28"));
            Api.as("maidstone.editor").header("If-Match", DisposalFixtures.etag("maidstone.editor", "/assets/" + yard))
                    .body(Map.of("disposedOn", "2032-07-28", "reason", "Sold")).post("/assets/" + yard + "/disposal").then()
                    .statusCode(409);

            TestClock.fixAt(Instant.parse("2032-08-16T11:00:00Z"));
            Api.as("maidstone.editor").header("If-Match", "\"1\"").body(Map.of("completedOn", "2032-08-16",
                    "capitalReceipt", Map.of("amount", "1234567.89", "currency", "GBP"), "hectaresReleased", new BigDecimal("2.4875"),
                    "housingCapacity", 48, "projectId", project)).post("/disposals/" + sale + "/completion").then()
                    .statusCode(200).body("status", equalTo("SOLD")).body("capitalReceipt.amount", equalTo("1234567.89"))
                    .body("projectId", equalTo(project));
            Api.as("maidstone.editor").get("/assets/" + yard).then().statusCode(200).body("status", equalTo("DISPOSED"))
                    .body("disposal.disposedOn", equalTo("2032-08-16"));

            // Homes on the sold land in 2032-33, recorded by the former owner.
            TestClock.fixAt(Instant.parse("2032-10-05T10:00:00Z"));
            Api.as("maidstone.editor").body(Map.of("homesPermitted", 48, "homesStarted", 20, "homesCompleted", 5))
                    .put("/disposals/" + sale + "/homes-delivered/" + YEAR).then().statusCode(201);
            Api.as("sevenoaks.editor").get("/disposals/" + sale + "/homes-delivered").then().statusCode(200)
                    .body("homesPlanned", equalTo(48)).body("totals.homesCompleted", equalTo(5));

            // The project's outcomes: exactly the sale.
            JsonPath outcomes = Api.as("maidstone.editor").get("/projects/" + project).then().statusCode(200).extract()
                    .jsonPath();
            assertEquals(List.of(sale), outcomes.getList("disposalOutcomes.disposalIds"));
            assertEquals("1234567.89", outcomes.getString("disposalOutcomes.capitalReceipts.amount"));
            assertEquals("2.4875", outcomes.getString("disposalOutcomes.landReleasedHectares"));
            assertEquals(48, outcomes.getInt("disposalOutcomes.homesPlanned"));
            assertEquals(5, outcomes.getInt("disposalOutcomes.homesDelivered"));

            // Maidstone's 2032-33: both completions (1.25 + 2.4875 ha), the one receipt, 48 homes planned
            // against 48 permitted, 20 started and 5 completed, in the dashboard and the return for July to
            // September 2032 (JSON and CSV).
            Figures expected = new Figures(2, new BigDecimal("3.7375"), new BigDecimal("1234567.89"), 48, 48, 20, 5);
            assertEquals(expected, dashboard().minus(dashboardBefore), "the land release dashboard");
            assertEquals(expected, preview().minus(returnBefore), "the return's land release");
            assertEquals(expected.withoutHomes(), csv().minus(csvBefore).withoutHomes(), "the return's CSV");
        } finally {
            TestClock.release();
        }

        // Every read of the flow keeps the interests to their authors: the history, the export and the feed.
        String history = Api.as("sevenoaks.editor").get("/disposals/" + transfer + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATED", "STATUS_CHANGED", "STATUS_CHANGED"))).extract().asString();
        assertFalse(history.contains(police) || history.contains("police-" + marker), history);
        String export = Api.as("police.editor").accept("text/csv").get("/disposals/export?ownerPartnerId=maidstone").then()
                .statusCode(200).extract().asString();
        assertTrue(export.contains(transfer), "the export lists the disposal");
        assertFalse(export.contains(dover) || export.contains("dover-" + marker), "police reads dover's interest");
        DisposalFeed.awaitInFeed(cursor, sale, "SOLD");
        DisposalFeed.assertFeedWithout(cursor, "sevenoaks.editor", transfer, List.of(dover, police, "dover-" + marker, "police-" + marker));
        DisposalFeed.assertFeedWithout(cursor, "police.editor", transfer, List.of(dover, "dover-" + marker));
        DisposalFeed.assertFeedWithout(cursor, "dover.editor", transfer, List.of(police, "police-" + marker));
    }

    /** A fresh site of Maidstone's on Anglesey (land, published to the partnership). */
    private static String site(String name) {
        return AssetFixtures.createId("maidstone.editor", AssetFixtures.with(AssetFixtures.asset(name, 53.28, -4.37),
                "localAuthority", ANGLESEY, "landOnly", true, "assetType", "LAND", "grossInternalAreaM2", null));
    }

    private static String declare(String asset, String hectares) {
        Map<String, Object> body = new HashMap<>(DisposalFixtures.declaration(asset));
        body.put("siteAreaHectares", new BigDecimal(hectares));
        return Api.as("maidstone.editor").body(body).post("/disposals").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse release(String disposal) {
        return Api.as("maidstone.editor").header("If-Match", "\"0\"").post("/disposals/" + disposal
                + "/open-market-release").then();
    }

    /** A (year, partner) row's figures; zeros for a row that is not there. */
    record Figures(int disposals, BigDecimal hectares, BigDecimal receipts, long capacity, long permitted, long started,
            long completed) {

        static Figures of(JsonPath json, String row) {
            if (json.get(row) == null) {
                return new Figures(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0);
            }
            return new Figures(json.getInt(row + ".disposalsCompleted"), new BigDecimal(json.getString(row + ".hectaresReleased")),
                    new BigDecimal(json.getString(row + ".capitalReceipts.amount")), json.getLong(row + ".housingCapacity"),
                    json.getLong(row + ".homesPermitted"), json.getLong(row + ".homesStarted"),
                    json.getLong(row + ".homesCompleted"));
        }

        Figures minus(Figures o) {
            return new Figures(disposals - o.disposals, hectares.subtract(o.hectares), receipts.subtract(o.receipts),
                    capacity - o.capacity, permitted - o.permitted, started - o.started, completed - o.completed);
        }

        /** The CSV's land release rows carry what was released, not the homes. */
        Figures withoutHomes() {
            return new Figures(disposals, hectares, receipts, capacity, 0, 0, 0);
        }
    }

    private static Figures dashboard() {
        JsonPath json = Api.as("police.viewer").get("/dashboards/land-release?localAuthority=" + ANGLESEY).then()
                .statusCode(200).extract().jsonPath();
        return Figures.of(json, "byYearAndPartner." + ROW);
    }

    private static Figures preview() {
        JsonPath json = Api.as("police.viewer").get("/monitoring-returns/preview?period=2032-Q3").then().statusCode(200)
                .extract().jsonPath();
        return Figures.of(json, "landRelease.byYearAndPartner." + ROW);
    }

    private static Figures csv() throws Exception {
        String csv = Api.as("police.viewer").accept("text/csv").get("/monitoring-returns/preview?period=2032-Q3").then()
                .statusCode(200).extract().asString();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        return records.stream()
                .filter(r -> "LAND RELEASE".equals(r.get("Project")) && "maidstone".equals(r.get("Disposing partner"))
                        && YEAR.equals(r.get("Financial year")))
                .findFirst()
                .map(r -> new Figures(Integer.parseInt(r.get("Disposals completed")),
                        new BigDecimal(r.get("Hectares released by disposals")),
                        new BigDecimal(r.get("Capital receipts from disposals (GBP)")),
                        Long.parseLong(r.get("Housing capacity")), 0, 0, 0))
                .orElse(new Figures(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0));
    }

}
