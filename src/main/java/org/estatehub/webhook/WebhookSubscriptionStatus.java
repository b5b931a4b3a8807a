package org.estatehub.webhook;

/** A webhook subscription's stored status (see service/WebhookSubscriptionLifecycle). */
public enum WebhookSubscriptionStatus {
    /** Deliveries are enqueued and sent. */
    ACTIVE,
    /** Paused by its partner: events wait at the subscription's cursor and pending deliveries are held. */
    PAUSED,
    /** Disabled by the service after the retry period ran out; `disabledReason` says why. */
    DISABLED
}
