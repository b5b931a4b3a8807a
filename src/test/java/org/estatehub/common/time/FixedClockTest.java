package org.estatehub.common.time;

import static org.estatehub.testing.FundingFixtures.award;
import static org.estatehub.testing.FundingFixtures.claim;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.estatehub.testing.Api;
import org.estatehub.testing.ProjectFixtures;
import org.estatehub.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Rules that depend on the date or the time, at instants the test chooses (TestClock): an MOU's expiry,
 * the quarter a return may be submitted for, when an audit event happened. Calendar dates are England's,
 * so the instants around midnight are chosen in British Summer Time, where UTC's date is still the day
 * before.
 */
@QuarkusTest
class FixedClockTest {

    @AfterEach
    void releaseTheClock() {
        TestClock.release();
    }

    private static String submitClaim(String award, String invoice) {
        return Api.as("dover.editor").body(claim(invoice, "100.00", "Survey")).post("/awards/" + award + "/claims")
                .then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse approve(String claim) {
        return Api.as("pmo.admin").header("If-Match", "\"0\"").post("/claims/" + claim + "/approval").then();
    }

    private static JsonPath coverage() {
        return Api.as("s151.officer").get("/mous/coverage?withinDays=90").then().statusCode(200).extract().jsonPath();
    }

    private static ValidatableResponse dovers(String status) {
        return Api.as("pmo.admin").get("/mous?partner=dover&status=" + status).then().statusCode(200);
    }

    @Test
    void anMouThatExpiresTomorrowHasExpiredOnceTheClockPassesIt() {
        // Dover's demo MOU expires on 2029-07-07. The award and claims are made at the real time, when
        // the round is open; only their approval (the gate) happens at the fixed instants.
        String award = award("OPE", "dover", "1000.00", "Survey");
        String dayBefore = submitClaim(award, "CLOCK-1");
        String lastDay = submitClaim(award, "CLOCK-2");
        String dayAfter = submitClaim(award, "CLOCK-3");

        TestClock.fixAt(Instant.parse("2029-07-06T12:00:00Z"));
        JsonPath report = coverage();
        assertEquals("2029-07-06", report.getString("asOf"));
        assertEquals("EXPIRING", report.getString("items.find { it.partnerId == 'dover' }.state"));
        dovers("SIGNED").body("total", equalTo(1)).body("items[0].status", equalTo("SIGNED"));
        dovers("EXPIRED").body("total", equalTo(0));
        approve(dayBefore).statusCode(200).body("status", equalTo("APPROVED"));

        // 23:30 in England on the day of expiry: still in force.
        TestClock.fixAt(Instant.parse("2029-07-07T22:30:00Z"));
        assertEquals("2029-07-07", coverage().getString("asOf"));
        approve(lastDay).statusCode(200);

        // 00:30 on 8 July in England, while UTC is still on 7 July: England's date decides.
        TestClock.fixAt(Instant.parse("2029-07-07T23:30:00Z"));
        report = coverage();
        assertEquals("2029-07-08", report.getString("asOf"));
        assertEquals("EXPIRED", report.getString("items.find { it.partnerId == 'dover' }.state"));
        dovers("SIGNED").body("total", equalTo(0));
        dovers("EXPIRED").body("total", equalTo(1)).body("items[0].status", equalTo("EXPIRED"));
        approve(dayAfter).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("mou-required"));
        Api.as("dover.editor").get("/dashboards/mou-coverage").then().statusCode(200)
                .body("asOf", equalTo("2029-07-08"));

        // Back at the real time the MOU is in force again: it was the clock, not the data.
        TestClock.release();
        approve(dayAfter).statusCode(200);
    }

    @Test
    void aReturnIsSubmittedOnceItsQuarterHasStartedInEngland() {
        // 23:30 on 30 June 2031 in England: 2031-Q3 has not started.
        TestClock.fixAt(Instant.parse("2031-06-30T22:30:00Z"));
        Api.as("pmo.admin").body(Map.of("period", "2031-Q3")).post("/monitoring-returns").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));

        // 00:30 on 1 July in England (UTC still on 30 June): it has.
        Instant startOfQuarter = Instant.parse("2031-06-30T23:30:00Z");
        TestClock.fixAt(startOfQuarter);
        String generatedAt = Api.as("pmo.admin").body(Map.of("period", "2031-Q3")).post("/monitoring-returns").then()
                .statusCode(201).body("status", equalTo("SUBMITTED")).extract().path("generatedAt");
        assertEquals(startOfQuarter, OffsetDateTime.parse(generatedAt).toInstant());
        String listed = Api.as("board.member").get("/monitoring-returns").then().statusCode(200).extract()
                .path("items.find { it.period == '2031-Q3' }.generatedAt");
        assertEquals(startOfQuarter, OffsetDateTime.parse(listed).toInstant());
        String preview = Api.as("board.member").get("/monitoring-returns/preview?period=2031-Q3").then()
                .statusCode(200).extract().path("generatedAt");
        assertEquals(startOfQuarter, OffsetDateTime.parse(preview).toInstant());
    }

    @Test
    void anEventHappensWhenTheClockSays() {
        Instant fixed = Instant.parse("2030-03-04T05:06:07.123456Z");
        TestClock.fixAt(fixed);
        String project = ProjectFixtures.createId("pmo.admin", ProjectFixtures.project("Clock project " + java.util.UUID.randomUUID()));
        JsonPath history = Api.as("pmo.admin").get("/projects/" + project + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("CREATED", history.getString("items[0].action"));
        assertEquals(fixed, OffsetDateTime.parse(history.getString("items[0].occurredAt")).toInstant());
        String createdAt = Api.as("pmo.admin").get("/projects/" + project).then().statusCode(200).extract()
                .path("createdAt");
        assertEquals(fixed, OffsetDateTime.parse(createdAt).toInstant());
    }
}
