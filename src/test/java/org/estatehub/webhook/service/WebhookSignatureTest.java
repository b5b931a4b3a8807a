package org.estatehub.webhook.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Base64;
import java.util.List;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

@FastTest
class WebhookSignatureTest {

    /** The Standard Webhooks specification's own example (secret, id, timestamp, body and signature). */
    @Test
    void theSpecificationsExample() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.header(
                List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}"));
    }

    @Test
    void aRotationsOverlapSignsWithBothKeysSpaceSeparated() {
        String header = WebhookSignature.header(List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                WebhookSignature.newSecret()), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");
        String[] signatures = header.split(" ");
        assertEquals(2, signatures.length, header);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signatures[0]);
        assertNotEquals(signatures[0], signatures[1]);
    }

    @Test
    void newSecretsAre32RandomBytes() {
        String a = WebhookSignature.newSecret();
        assertEquals(32, Base64.getDecoder().decode(a).length);
        assertNotEquals(a, WebhookSignature.newSecret());
    }
}
