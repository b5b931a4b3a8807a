package org.estatehub.webhook.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: `v1,` + base64(HMAC-SHA256(key, `<webhook-id>.<webhook-timestamp>.<body>`)),
 * the key being the base64 after `whsec_`. Several keys (a rotation's overlap) give several signatures,
 * space-separated, any of which the receiver may accept.
 */
public final class WebhookSignature {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new key: 32 random bytes, base64 (without the `whsec_` prefix). */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The webhook-signature header for `body`, one `v1,` signature per key (base64 keys). */
    public static String header(List<String> keys, String webhookId, long timestamp, String body) {
        return keys.stream().map(key -> "v1," + sign(key, webhookId, timestamp, body)).collect(Collectors.joining(" "));
    }

    static String sign(String base64Key, String webhookId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            byte[] digest = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
