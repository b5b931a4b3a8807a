package org.estatehub.webhook.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/** Retry delays: doubling from the base, capped, each a random 50-100 % of its step (jitter). */
@FastTest
class WebhookBackoffTest {

    /** The defaults of estatehub.webhooks.* (WebhookConfig's own). */
    static WebhookConfig defaults() {
        return new WebhookConfig() {
            public boolean enabled() { return true; }
            public Duration pollEvery() { return Duration.ofMillis(250); }
            public int workers() { return 32; }
            public int maxInFlightPerSubscription() { return 8; }
            public Duration connectTimeout() { return Duration.ofSeconds(5); }
            public Duration readTimeout() { return Duration.ofSeconds(10); }
            public Duration lease() { return Duration.ofSeconds(60); }
            public Duration retryBaseDelay() { return Duration.ofSeconds(10); }
            public Duration retryMaxDelay() { return Duration.ofHours(1); }
            public Duration retryFor() { return Duration.ofHours(24); }
            public Duration secretOverlap() { return Duration.ofHours(24); }
            public boolean allowHttpLocalhost() { return false; }
            public Optional<List<String>> allowedNetworks() { return Optional.empty(); }
        };
    }

    @Test
    void delaysDoubleWithJitterUpToTheCap() {
        WebhookQueue queue = new WebhookQueue();
        queue.config = defaults();
        for (int attempt = 1; attempt <= 100; attempt++) {
            long step = Math.min(3_600_000L, 10_000L << Math.min(30, attempt - 1));
            for (int i = 0; i < 50; i++) {
                long delay = queue.backoff(attempt).toMillis();
                assertTrue(delay >= step / 2 && delay <= step, "attempt " + attempt + ": " + delay + " ms, step " + step);
            }
        }
    }

    @Test
    void aDayOfRetriesIsAboutThirtyAttempts() {
        WebhookQueue queue = new WebhookQueue();
        queue.config = defaults();
        long elapsed = 0;
        int attempts = 0;
        while (elapsed < Duration.ofHours(24).toMillis()) {
            attempts++;
            elapsed += queue.backoff(attempts).toMillis();
        }
        // 10 s, 20 s, ... 1 h reached after 9 attempts (~1.4 h at most), then hourly: 25 to 55 attempts.
        assertTrue(attempts >= 25 && attempts <= 55, attempts + " attempts in 24 h");
    }
}
