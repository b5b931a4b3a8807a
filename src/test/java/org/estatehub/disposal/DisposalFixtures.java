package org.estatehub.disposal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;

import io.restassured.response.Response;

/** Fresh surplus sites and their interests, for the disposal tests. */
final class DisposalFixtures {

    private DisposalFixtures() {
    }

    /** A fresh asset of `owner`'s with a marker in its name, registered by the programme office. */
    static String asset(String owner, String visibility, String name) {
        return AssetFixtures.createId("pmo.admin", AssetFixtures.with(AssetFixtures.asset(name, 51.27, 0.52),
                "ownerPartnerId", owner, "visibility", visibility));
    }

    static Map<String, Object> declaration(String assetId) {
        Map<String, Object> body = new HashMap<>();
        body.put("assetId", assetId);
        body.put("reason", "Services moved to the Gateway hub");
        body.put("availableFrom", "2027-04-01");
        body.put("offerTypes", List.of("LEASEHOLD", "FREEHOLD_SALE"));
        body.put("guidePrice", Map.of("amount", "850000.00", "currency", "GBP"));
        body.put("siteAreaHectares", 1.25);
        body.put("knownConstraints", "Flood zone 2 on the east edge");
        body.put("contact", Map.of("name", "Estates team", "email", "estates@maidstone.gov.uk", "phone", "01622 602000"));
        return body;
    }

    static Response declare(String user, String assetId) {
        return Api.as(user).body(declaration(assetId)).post("/disposals");
    }

    static String declareId(String user, String assetId) {
        Response r = declare(user, assetId);
        r.then().statusCode(201);
        return r.path("id");
    }

    static Map<String, Object> interest(String use, String marker) {
        Map<String, Object> body = new HashMap<>();
        body.put("intendedUse", use);
        body.put("proposal", "Proposal " + marker);
        body.put("timing", "Start on site within 18 months");
        body.put("fundingSource", "Brownfield Land Release Fund bid");
        body.put("contact", Map.of("name", "Estates " + marker, "email", "estates@example.gov.uk"));
        return body;
    }

    static String register(String user, String disposal, String use, String marker) {
        Response r = Api.as(user).body(interest(use, marker)).post("/disposals/" + disposal + "/interests");
        r.then().statusCode(201);
        return r.path("id");
    }

    static String etag(String user, String path) {
        return Api.as(user).get(path).then().statusCode(200).extract().header("ETag");
    }
}
