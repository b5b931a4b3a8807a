package org.estatehub.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;

/** Asset inputs for tests, each with unique references so tests never collide. */
public final class AssetFixtures {

    private AssetFixtures() {
    }

    /** A unique word to find a test's own assets by free text. */
    public static String token() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static String uprn() {
        return String.valueOf(100_000_000_000L + (long) (Math.random() * 899_999_999_999L));
    }

    public static Map<String, Object> asset(String name, double latitude, double longitude) {
        Map<String, Object> asset = new HashMap<>();
        asset.put("name", name);
        asset.put("assetType", "OFFICE");
        asset.put("landOnly", false);
        asset.put("address", Map.of("street", "1 Test Street", "town", "Maidstone", "postcode", "me14 1xq"));
        asset.put("localAuthority", "E07000110");
        asset.put("uprn", uprn());
        asset.put("ownReference", "T-" + UUID.randomUUID().toString().substring(0, 8));
        asset.put("location", Map.of("latitude", latitude, "longitude", longitude));
        asset.put("tenure", "FREEHOLD");
        asset.put("grossInternalAreaM2", 1200.5);
        asset.put("annualRunningCost", Map.of("amount", "100000.10", "currency", "GBP"));
        asset.put("utilisationPercent", 75);
        asset.put("status", "OPERATIONAL");
        asset.put("sharedWorkspaceDesks", 0);
        asset.put("visibility", "PARTNERSHIP");
        return asset;
    }

    /** A copy with the given properties set; a null value leaves the property out. */
    public static Map<String, Object> with(Map<String, Object> asset, Object... keyValues) {
        Map<String, Object> copy = new HashMap<>(asset);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                copy.remove((String) keyValues[i]);
            } else {
                copy.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return copy;
    }

    /** Creates the asset as `username` and returns the response (201 expected). */
    public static Response create(String username, Map<String, Object> asset) {
        Response response = Api.as(username).body(asset).post("/assets");
        response.then().statusCode(201);
        return response;
    }

    public static String createId(String username, Map<String, Object> asset) {
        return create(username, asset).path("id");
    }
}
