package org.estatehub.brownfield;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Brownfield register files for tests (src/test/resources/brownfield) and fresh owners to import them for. */
public final class BrownfieldFixtures {

    private BrownfieldFixtures() {
    }

    public static byte[] file(String name) {
        try (InputStream in = BrownfieldFixtures.class.getResourceAsStream("/brownfield/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new district council partner in the given authority, named so that the test registers' organisation
     * columns match it (its short name is Maidstone's, "Maidstone BC"; the rest match by the authority).
     */
    public static String partner(String authority) {
        String id = "bf-" + AssetFixtures.token();
        Api.as("pmo.admin").body(Map.of("id", id, "name", "Brownfield test " + id, "shortName",
                authority.equals("E07000110") ? "Maidstone BC" : "Test DC", "type", "DISTRICT_COUNCIL",
                "localAuthority", authority)).post("/partners").then().statusCode(201);
        return id;
    }

    /**
     * `spec` sending `body` as text/csv exactly as given: no charset added unless `contentType` has one. The
     * answer may take longer than the tests' default 30 s read timeout: a large register on a loaded machine.
     */
    public static RequestSpecification csv(RequestSpecification spec, String contentType, byte[] body) {
        return spec.config(RestAssured.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
                .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 280_000)))
                .contentType(contentType).body(body);
    }

    /** pmo-admin imports `file` for `owner` (200 expected). */
    public static Response importFor(String owner, String file, boolean dryRun) {
        Response r = csv(Api.as("pmo.admin"), "text/csv", file(file))
                .post("/brownfield-sites/import?ownerPartnerId=" + owner + (dryRun ? "&dryRun=true" : ""));
        r.then().statusCode(200);
        return r;
    }

    /** A site of `owner` with a unique reference, imported by pmo-admin; returns its id. */
    public static String site(String owner, String token) {
        String csv = "reference,name,site-address,hectares,ownership-status,point\n" + "T-" + token + ",Site " + token
                + ",Test Street,0.5,owned by a public authority,POINT(0.52 51.27)\n";
        csv(Api.as("pmo.admin"), "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/brownfield-sites/import?ownerPartnerId=" + owner).then().statusCode(200);
        return Api.as("pmo.admin").get("/brownfield-sites?q=" + token).then().statusCode(200).extract()
                .path("items[0].id");
    }
}
