package org.estatehub.funding;

import static org.estatehub.testing.FundingFixtures.award;
import static org.estatehub.testing.FundingFixtures.claim;
import static org.estatehub.testing.FundingFixtures.etag;
import static org.estatehub.testing.FundingFixtures.money;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.Map;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * OPE claims approved or rejected by the PMO, LRF/BLRF payments, balances, and the MOU gate. Maidstone
 * has a signed MOU in the demo data; NHS Kent and Medway has none; Swale's has expired.
 */
@QuarkusTest
class ReleaseOfFundsTest {

    private static String submitClaim(String user, String award, Map<String, Object> claim, int status) {
        return Api.as(user).body(claim).post("/awards/" + award + "/claims").then().statusCode(status)
                .extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse approve(String user, String claim) {
        return Api.as(user).header("If-Match", "\"0\"").post("/claims/" + claim + "/approval").then();
    }

    @Test
    void oneClaimFromInvoiceToRelease() {
        String award = award("OPE", "maidstone", "50000.00", "Feasibility study", "Project manager");

        submitClaim("dover.editor", award, claim("INV-1", "100.00", "Feasibility study"), 403);
        submitClaim("maidstone.viewer", award, claim("INV-1", "100.00", "Feasibility study"), 403);
        Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(claim("INV-1", "100.00", "Catering")).post("/awards/" + award + "/claims")
                .then().statusCode(400).body("errors[0].field", equalTo("activity"))
                .body("errors[0].message", containsString("Feasibility study"));
        Api.as("maidstone.editor").body(claim("INV-1", "50000.01", "Feasibility study"))
                .post("/awards/" + award + "/claims").then().statusCode(409);

        String claim = submitClaim("maidstone.editor", award, claim("INV-1", "12500.50", "Feasibility study"), 201);
        Api.as("maidstone.editor").body(claim("INV-1", "1.00", "Feasibility study"))
                .post("/awards/" + award + "/claims").then().statusCode(409).body("detail", containsString("INV-1"));

        approve("maidstone.editor", claim).statusCode(403);
        Api.as("pmo.admin").post("/claims/" + claim + "/approval").then().statusCode(428);
        approve("pmo.admin", claim).statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("pmo.admin")).header("ETag", "\"1\"");
        Api.as("pmo.admin").header("If-Match", "\"1\"").post("/claims/" + claim + "/approval").then().statusCode(409);
        Api.as("pmo.admin").header("If-Match", "\"1\"").body(Map.of("reason", "late")).post("/claims/" + claim + "/rejection")
                .then().statusCode(409);

        Api.as("dover.editor").get("/awards/" + award).then()
                .body("released.amount", equalTo("12500.50")).body("balance.amount", equalTo("37499.50"));

        String rejected = submitClaim("maidstone.editor", award, claim("INV-2", "900.00", "Project manager"), 201);
        Api.badRequestAs("pmo.admin").contentType("application/json").header("If-Match", "\"0\"").body(Map.of())
                .post("/claims/" + rejected + "/rejection").then().statusCode(400);
        Api.as("pmo.admin").header("If-Match", "\"0\"").body(Map.of("reason", "Spend does not match the bid activities"))
                .post("/claims/" + rejected + "/rejection").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("Spend does not match the bid activities"));
        Api.as("dover.editor").get("/awards/" + award).then().body("released.amount", equalTo("12500.50"));

        Api.as("maidstone.viewer").get("/awards/" + award + "/claims").then().statusCode(200).body("total", equalTo(2))
                .body("items[0].invoiceReference", equalTo("INV-2"));
        Api.as("board.member").get("/awards/" + award + "/claims").then().statusCode(200);
        Api.as("dover.editor").get("/awards/" + award + "/claims").then().statusCode(403);
    }

    @Test
    void lrfAndBlrfArePaidDirectlyNotClaimed() {
        String award = award("BLRF", "sevenoaks", "1000.00", "Demolition");
        Api.as("sevenoaks.editor").body(claim("INV-9", "10.00", "Demolition")).post("/awards/" + award + "/claims")
                .then().statusCode(409).body("detail", containsString("paid directly"));
        Map<String, Object> payment = Map.of("amount", money("600.00"), "paidOn", LocalDate.now().toString(),
                "reference", "BLRF-PAY-T1");
        Api.as("sevenoaks.editor").body(payment).post("/awards/" + award + "/payments").then().statusCode(403);
        Api.as("pmo.admin").body(payment).post("/awards/" + award + "/payments").then().statusCode(201)
                .body("amount.amount", equalTo("600.00")).body("recordedBy", equalTo("pmo.admin"));
        Api.as("pmo.admin").body(Map.of("amount", money("400.01"), "paidOn", LocalDate.now().toString(),
                "reference", "BLRF-PAY-T2")).post("/awards/" + award + "/payments").then().statusCode(409)
                .body("detail", containsString("balance 400.00"));
        Api.as("sevenoaks.editor").get("/awards/" + award + "/payments").then().statusCode(200).body("items", hasSize(1));
        Api.as("police.viewer").get("/awards/" + award).then().body("released.amount", equalTo("600.00"))
                .body("balance.amount", equalTo("400.00"));

        String ope = award("OPE", "maidstone", "100.00", "Survey");
        Api.as("pmo.admin").body(payment).post("/awards/" + ope + "/payments").then().statusCode(409);
    }

    @Test
    void noOpeReleaseWithoutASignedUnexpiredMou() {
        String nhsAward = award("OPE", "nhs-kent-medway", "5000.00", "Feasibility study");
        String nhsClaim = submitClaim("nhs.editor", nhsAward, claim("NHS-1", "1000.00", "Feasibility study"), 201);
        approve("pmo.admin", nhsClaim).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("mou-required"))
                .body("detail", containsString("NHS Kent and Medway"));
        Api.as("nhs.editor").get("/awards/" + nhsAward).then().body("released.amount", equalTo("0.00"));

        String swaleAward = award("OPE", "swale", "5000.00", "Feasibility study");
        String swaleClaim = submitClaim("pmo.admin", swaleAward, claim("SBC-1", "1000.00", "Feasibility study"), 201);
        approve("pmo.admin", swaleClaim).statusCode(409).body("detail", containsString("unexpired"));

        // The PMO drafts, issues and signs an MOU with NHS Kent and Medway; the release then goes through.
        String mou = Api.as("pmo.admin").body(Map.of("partnerId", "nhs-kent-medway")).post("/mous").then()
                .statusCode(201).extract().path("id");
        Api.as("pmo.admin").header("If-Match", "\"0\"").body(Map.of("toStatus", "ISSUED", "on", LocalDate.now().toString()))
                .post("/mous/" + mou + "/status-changes").then().statusCode(200);
        approve("pmo.admin", nhsClaim).statusCode(409);
        Api.as("pmo.admin").header("If-Match", "\"1\"").body(Map.of("toStatus", "SIGNED", "on", LocalDate.now().toString(),
                "signatory", "Chief Finance Officer, NHS Kent and Medway", "documentReference", "KEP-MOU-T",
                "expiresOn", LocalDate.now().plusYears(3).toString()))
                .post("/mous/" + mou + "/status-changes").then().statusCode(200).body("status", equalTo("SIGNED"));
        approve("pmo.admin", nhsClaim).statusCode(200);
        Api.as("nhs.editor").get("/awards/" + nhsAward).then().body("released.amount", equalTo("1000.00"));
    }
}
