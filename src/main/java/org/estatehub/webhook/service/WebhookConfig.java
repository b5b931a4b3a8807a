package org.estatehub.webhook.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** estatehub.webhooks.*: see README "Webhooks" and "Configuration". */
@ConfigMapping(prefix = "estatehub.webhooks")
public interface WebhookConfig {

    /** Whether this instance dispatches and sends (every replica may: the queue is shared safely). */
    @WithDefault("true")
    boolean enabled();

    /** How often the feed and the queue are polled when nothing wakes the pump earlier. */
    @WithDefault("250ms")
    Duration pollEvery();

    /** Sending threads of this instance (mostly waiting on receivers: cheap), shared by all subscriptions. */
    @WithDefault("32")
    int workers();

    /** At most this many deliveries of one subscription in flight at once (per instance). */
    @WithDefault("8")
    int maxInFlightPerSubscription();

    @WithDefault("5s")
    Duration connectTimeout();

    /** The whole answer must have come within this (after connecting). */
    @WithDefault("10s")
    Duration readTimeout();

    /** A claimed delivery is another worker's to retry after this (a crashed instance's sends are retried). */
    @WithDefault("60s")
    Duration lease();

    /** The first retry's delay; each further one doubles it (with jitter), up to retryMaxDelay. */
    @WithDefault("10s")
    Duration retryBaseDelay();

    @WithDefault("1h")
    Duration retryMaxDelay();

    /** Retries stop after this, the delivery is FAILED and the subscription DISABLED with the reason. */
    @WithDefault("24h")
    Duration retryFor();

    /** Default overlap of a rotated secret with the new one. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** Plain http to localhost (dev and test profiles only). */
    @WithDefault("false")
    boolean allowHttpLocalhost();

    /**
     * Networks (CIDR) that deliveries may reach although they are loopback, private, link-local or CGNAT;
     * empty in production by default. The dev and test profiles allow loopback.
     */
    Optional<List<String>> allowedNetworks();
}
