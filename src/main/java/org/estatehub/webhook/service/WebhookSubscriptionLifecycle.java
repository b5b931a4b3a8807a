package org.estatehub.webhook.service;

import static org.estatehub.webhook.WebhookSubscriptionStatus.ACTIVE;
import static org.estatehub.webhook.WebhookSubscriptionStatus.DISABLED;
import static org.estatehub.webhook.WebhookSubscriptionStatus.PAUSED;

import java.util.Set;

import org.estatehub.common.lifecycle.Transitions;
import org.estatehub.webhook.WebhookSubscriptionStatus;

/**
 * A subscription's life cycle: its partner pauses and resumes it; the service disables an ACTIVE one whose
 * deliveries failed for the whole retry period; its partner re-activates it once the receiver is fixed.
 * A paused subscription is never disabled: it sends nothing, so nothing can fail.
 */
public final class WebhookSubscriptionLifecycle {

    private static final Transitions<WebhookSubscriptionStatus> TABLE = Transitions
            .of("webhook subscription", WebhookSubscriptionStatus.class)
            .from(ACTIVE, PAUSED, DISABLED)
            .from(PAUSED, ACTIVE)
            .from(DISABLED, ACTIVE)
            .build();

    private WebhookSubscriptionLifecycle() {
    }

    public static boolean allowed(WebhookSubscriptionStatus from, WebhookSubscriptionStatus to) {
        return TABLE.allows(from, to);
    }

    public static Set<WebhookSubscriptionStatus> next(WebhookSubscriptionStatus from) {
        return TABLE.next(from);
    }

    public static void require(WebhookSubscriptionStatus from, WebhookSubscriptionStatus to) {
        TABLE.require(from, to);
    }
}
