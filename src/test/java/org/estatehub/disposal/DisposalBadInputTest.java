package org.estatehub.disposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every field of the disposal bodies with a value the contract or the rules refuse: a 400 problem naming
 * that field, and nothing saved (the asset, the disposal and its interests read back exactly as before).
 */
@io.quarkus.test.junit.QuarkusTest
class DisposalBadInputTest {

    static Stream<Arguments> declarations() {
        return Stream.of(
                Arguments.of("reason", "  "),
                Arguments.of("reason", null),
                Arguments.of("availableFrom", "2027-02-30"),
                Arguments.of("offerTypes", List.of()),
                Arguments.of("offerTypes", List.of("BARTER")),
                Arguments.of("guidePrice", Map.of("amount", "12.345", "currency", "GBP")),
                Arguments.of("guidePrice", Map.of("amount", "-5.00", "currency", "GBP")),
                Arguments.of("guidePrice", Map.of("amount", "5.00", "currency", "EUR")),
                Arguments.of("siteAreaHectares", 0),
                Arguments.of("siteAreaHectares", 1.23456),
                Arguments.of("knownConstraints", "x".repeat(4001)),
                Arguments.of("contact", null),
                Arguments.of("contact", Map.of("name", " ", "email", "estates@maidstone.gov.uk")),
                Arguments.of("contact", Map.of("name", "Estates", "email", "not an email")),
                Arguments.of("contact", Map.of("name", "Estates", "email", "estates@maidstone.gov.uk", "phone", " ")),
                Arguments.of("assetId", "not-a-uuid"));
    }

    @ParameterizedTest(name = "declaration {0} = {1}")
    @MethodSource("declarations")
    void badDeclarations(String field, Object value) {
        String asset = DisposalFixtures.asset("maidstone", "PARTNERSHIP", "Bad " + AssetFixtures.token());
        String before = Api.as("pmo.admin").get("/assets/" + asset).asString();
        Map<String, Object> body = new HashMap<>(DisposalFixtures.declaration(asset));
        set(body, field, value);
        refused(Api.badRequestAs("maidstone.editor").contentType(ContentType.JSON).body(body).post("/disposals"), field);
        assertEquals(before, Api.as("pmo.admin").get("/assets/" + asset).asString(), field + ": the asset changed");
        List<String> offered = Api.as("pmo.admin").get("/disposals?ownerPartnerId=maidstone&limit=500").path("items.asset.id");
        assertTrue(!offered.contains(asset), field + ": a disposal was saved");
    }

    static Stream<Arguments> interests() {
        return Stream.of(
                Arguments.of("intendedUse", "PIRATES"),
                Arguments.of("intendedUse", null),
                Arguments.of("timing", " "),
                Arguments.of("fundingSource", null),
                Arguments.of("fundingSource", "x".repeat(1001)),
                Arguments.of("proposal", "x".repeat(4001)),
                Arguments.of("contact", Map.of("name", "Dover", "email", "@")));
    }

    @ParameterizedTest(name = "interest {0} = {1}")
    @MethodSource("interests")
    void badInterests(String field, Object value) {
        String disposal = DisposalFixtures.declareId("maidstone.editor",
                DisposalFixtures.asset("maidstone", "PARTNERSHIP", "Bad " + AssetFixtures.token()));
        Map<String, Object> body = new HashMap<>(DisposalFixtures.interest("HOUSING", "bad"));
        set(body, field, value);
        refused(Api.badRequestAs("dover.editor").contentType(ContentType.JSON).body(body)
                .post("/disposals/" + disposal + "/interests"), field);
        assertEquals(0, (int) Api.as("pmo.admin").get("/disposals/" + disposal + "/interests").path("total"),
                field + ": an interest was saved");
    }

    static Stream<Arguments> completions() {
        String tomorrow = LocalDate.now(PartnershipCalendar.ZONE).plusDays(1).toString();
        return Stream.of(
                Arguments.of("completedOn", tomorrow),
                Arguments.of("completedOn", null),
                Arguments.of("hectaresReleased", -1),
                Arguments.of("hectaresReleased", 1.23456),
                Arguments.of("housingCapacity", -1),
                // A fraction is refused, not truncated to 12 (ContractJson).
                Arguments.of("housingCapacity", 12.5),
                Arguments.of("capitalReceipt", Map.of("amount", "1e6", "currency", "GBP")),
                Arguments.of("projectId", "00000000-0000-0000-0000-000000000000"));
    }

    @ParameterizedTest(name = "completion {0} = {1}")
    @MethodSource("completions")
    void badCompletions(String field, Object value) {
        String asset = DisposalFixtures.asset("maidstone", "PARTNERSHIP", "Bad " + AssetFixtures.token());
        String disposal = DisposalFixtures.declareId("maidstone.editor", asset);
        String interest = DisposalFixtures.register("dover.editor", disposal, "HOUSING", "bad");
        Api.as("maidstone.editor").header("If-Match", "\"0\"").body(Map.of("interestId", interest))
                .post("/disposals/" + disposal + "/transfer-agreement").then().statusCode(200);
        String before = Api.as("pmo.admin").get("/disposals/" + disposal).asString();
        String assetBefore = Api.as("pmo.admin").get("/assets/" + asset).asString();
        Map<String, Object> body = new HashMap<>(Map.of("completedOn", LocalDate.now(PartnershipCalendar.ZONE).toString(),
                "hectaresReleased", 1.5, "housingCapacity", 10));
        set(body, field, value);
        refused(Api.badRequestAs("maidstone.editor").contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body)
                .post("/disposals/" + disposal + "/completion"), field);
        assertEquals(before, Api.as("pmo.admin").get("/disposals/" + disposal).asString(), field + ": the disposal changed");
        assertEquals(assetBefore, Api.as("pmo.admin").get("/assets/" + asset).asString(), field + ": the asset changed");
    }

    private static void set(Map<String, Object> body, String field, Object value) {
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
    }

    private static void refused(Response r, String field) {
        assertEquals(400, r.statusCode(), field + ": " + r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), field + ": " + r.contentType());
        List<String> fields = r.path("errors.field");
        assertTrue(fields != null && fields.stream().anyMatch(f -> f.startsWith(field)), field + " not named: " + r.asString());
    }
}
