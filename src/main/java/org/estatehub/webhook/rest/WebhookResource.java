package org.estatehub.webhook.rest;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.WebhooksApi;
import org.estatehub.api.model.WebhookDelivery;
import org.estatehub.api.model.WebhookDeliveryPage;
import org.estatehub.api.model.WebhookDeliveryStatus;
import org.estatehub.api.model.WebhookReplay;
import org.estatehub.api.model.WebhookSecretRotation;
import org.estatehub.api.model.WebhookSubscriptionCreate;
import org.estatehub.api.model.WebhookSubscriptionPage;
import org.estatehub.api.model.WebhookSubscriptionStatusChange;
import org.estatehub.api.model.WebhookSubscriptionUpdate;
import org.estatehub.common.http.ETags;
import org.estatehub.webhook.WebhookMapper;
import org.estatehub.webhook.WebhookSubscription;
import org.estatehub.webhook.WebhookSubscriptionStatus;
import org.estatehub.webhook.service.WebhookQueue;
import org.estatehub.webhook.service.WebhookSubscriptions;

import io.quarkus.security.Authenticated;

@Authenticated
public class WebhookResource implements WebhooksApi {

    @Inject
    WebhookSubscriptions subscriptions;

    @Override
    public Response listWebhookSubscriptions(Integer limit, Integer offset) {
        var slice = subscriptions.list(limit, offset);
        return Response.ok(new WebhookSubscriptionPage()
                .items(slice.items().stream().map(s -> WebhookMapper.toApi(s, false)).toList())
                .total(slice.total()).limit(limit).offset(offset)).build();
    }

    @Override
    public Response createWebhookSubscription(WebhookSubscriptionCreate input) {
        WebhookSubscription s = subscriptions.create(input.getUrl(), input.getEventTypes(), input.getDescription());
        return Response.created(URI.create("/webhook-subscriptions/" + s.id)).entity(WebhookMapper.toApi(s, true))
                .header("ETag", ETags.of(s.version)).build();
    }

    @Override
    public Response getWebhookSubscription(UUID subscriptionId) {
        return answer(subscriptions.get(subscriptionId), false);
    }

    @Override
    public Response updateWebhookSubscription(UUID subscriptionId, WebhookSubscriptionUpdate input, String ifMatch) {
        return answer(subscriptions.update(subscriptionId, ifMatch, input.getUrl(), input.getEventTypes(),
                input.getDescription()), false);
    }

    @Override
    public Response deleteWebhookSubscription(UUID subscriptionId, String ifMatch) {
        subscriptions.delete(subscriptionId, ifMatch);
        return Response.noContent().build();
    }

    @Override
    public Response changeWebhookSubscriptionStatus(UUID subscriptionId, WebhookSubscriptionStatusChange change,
            String ifMatch) {
        return answer(subscriptions.changeStatus(subscriptionId, ifMatch,
                WebhookSubscriptionStatus.valueOf(change.getToStatus().toString())), false);
    }

    @Override
    public Response rotateWebhookSubscriptionSecret(UUID subscriptionId, WebhookSecretRotation rotation, String ifMatch) {
        return answer(subscriptions.rotateSecret(subscriptionId, ifMatch, rotation.getOverlapMinutes()), true);
    }

    @Override
    public Response replayWebhookSubscription(UUID subscriptionId, WebhookReplay replay, String ifMatch) {
        return answer(subscriptions.replay(subscriptionId, ifMatch, replay.getAfter()), false);
    }

    @Override
    public Response listWebhookDeliveries(UUID subscriptionId, WebhookDeliveryStatus status, Integer limit,
            Integer offset) {
        var slice = subscriptions.deliveries(subscriptionId, status == null ? null : status.toString(), limit, offset);
        return Response.ok(new WebhookDeliveryPage().items(slice.items().stream().map(WebhookResource::toApi).toList())
                .total(slice.total()).limit(limit).offset(offset)).build();
    }

    private static Response answer(WebhookSubscription s, boolean withSecret) {
        return Response.ok(WebhookMapper.toApi(s, withSecret)).header("ETag", ETags.of(s.version)).build();
    }

    private static WebhookDelivery toApi(WebhookQueue.Delivery d) {
        return new WebhookDelivery().id(Long.toString(d.id())).webhookId(d.webhookId()).eventType(d.eventType())
                .entityType(d.entityType()).entityId(d.entityId())
                .status(WebhookDeliveryStatus.fromValue(d.status())).attempts(d.attempts())
                .lastStatusCode(d.lastStatusCode()).lastError(d.lastError()).lastLatencyMs(d.lastLatencyMs())
                .createdAt(utc(d.createdAt()))
                .nextAttemptAt("PENDING".equals(d.status()) ? utc(d.nextAttemptAt()) : null)
                .deliveredAt(utc(d.deliveredAt()));
    }

    private static java.time.OffsetDateTime utc(java.time.OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
