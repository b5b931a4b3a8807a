package org.estatehub.webhook;

import java.time.ZoneOffset;

import org.estatehub.api.model.WebhookEventType;

/** Subscriptions as the contract shows them; the secret only where the caller passes it (create, rotation). */
public final class WebhookMapper {

    public static final String SECRET_PREFIX = "whsec_";

    private WebhookMapper() {
    }

    public static org.estatehub.api.model.WebhookSubscription toApi(WebhookSubscription s, boolean withSecret) {
        return new org.estatehub.api.model.WebhookSubscription()
                .id(s.id)
                .partnerId(s.partnerId)
                .url(s.url)
                .description(s.description)
                .eventTypes(s.eventTypes.stream().map(WebhookEventType::fromValue).toList())
                .status(org.estatehub.api.model.WebhookSubscriptionStatus.fromValue(s.status.name()))
                .disabledReason(s.disabledReason)
                .secret(withSecret ? SECRET_PREFIX + s.secret : null)
                .previousSecretExpiresAt(s.previousSecretExpiresAt == null ? null
                        : s.previousSecretExpiresAt.withOffsetSameInstant(ZoneOffset.UTC))
                .createdBy(s.createdBy)
                .createdAt(s.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(s.updatedAt.withOffsetSameInstant(ZoneOffset.UTC))
                .version(s.version);
    }
}
