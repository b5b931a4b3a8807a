package org.estatehub.common.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.Keycloak;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * With real Keycloak tokens: a verified token is remembered, and no variation of a remembered token
 * (another payload under its signature, another signature) gets past verification.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aVerifiedTokenIsRememberedAndAnsweredAgain() {
        String token = Keycloak.userToken("dover.editor");
        Api.anonymous().auth().oauth2(token).get("/me").then().statusCode(200).body("partnerId", equalTo("dover"));
        assertNotNull(tokens.find(token));
        Api.anonymous().auth().oauth2(token).get("/me").then().statusCode(200).body("partnerId", equalTo("dover"));
    }

    @Test
    void aRememberedTokenLendsNothingToAlteredCopies() {
        String token = Keycloak.userToken("dover.editor");
        Api.anonymous().auth().oauth2(token).get("/me").then().statusCode(200);
        String[] parts = token.split("\\.");

        // The payload of dover.editor's token with the partner changed, under the genuine signature.
        // The partner is the token's organization (issue #18): the copy names kcc's.
        String genuine = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String payload = genuine.replace("\"organization\":[\"dover\"]", "\"organization\":[\"kcc\"]");
        assertNotEquals(genuine, payload, "the copy must differ from the genuine payload: " + genuine);
        String otherPayload = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        // The genuine payload with one signature character changed (not the last: its low bits are unused).
        char tenth = parts[2].charAt(10);
        String otherSignature = parts[0] + "." + parts[1] + "."
                + parts[2].substring(0, 10) + (tenth == 'A' ? 'B' : 'A') + parts[2].substring(11);

        for (String altered : new String[] { otherPayload, otherSignature }) {
            Api.anonymous().auth().oauth2(altered).get("/me").then().statusCode(401)
                    .contentType("application/problem+json");
            assertNull(tokens.find(altered));
        }
        Api.anonymous().auth().oauth2(token).get("/me").then().statusCode(200).body("partnerId", equalTo("dover"));
    }

    /** What the running service remembers for real Keycloak tokens holds no Vert.x or Netty (request) object. */
    @Test
    void rememberedIdentitiesHoldNoRequestObjects() {
        String token = Keycloak.userToken("dover.editor");
        Api.anonymous().auth().oauth2(token).get("/me").then().statusCode(200);
        assertNotNull(tokens.find(token));
        int remembered = 0;
        for (VerifiedTokens.VerifiedCaller caller : tokens.remembered()) {
            assertEquals(Set.of(), RetainedObjects.requestObjectsReachableFrom(caller), caller.principal().getName());
            remembered++;
        }
        assertTrue(remembered > 0, "at least this test's token is remembered");
    }
}
