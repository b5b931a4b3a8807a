package org.estatehub.webhook.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.FieldError;
import org.estatehub.api.model.WebhookEventType;
import org.estatehub.common.http.ETags;
import org.estatehub.common.paging.NativePaging;
import org.estatehub.common.paging.Slice;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.problem.Problems;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.sql.Where;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.tenancy.Roles;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.history.service.ChangeFeed;
import org.estatehub.webhook.WebhookSubscription;
import org.estatehub.webhook.WebhookSubscriptionStatus;
import org.hibernate.Session;

/**
 * Subscriptions and who manages them: a partner's systems (service accounts) and its `partner-editor`s
 * manage the partner's own; `pmo-admin` reads every partner's. Nobody else reads any.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class WebhookSubscriptions {

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    @Inject
    ChangeFeed feed;

    @Inject
    WebhookQueue queue;

    /** Where the dispatcher continues: a new subscription starts at the feed's current end. */
    private static final NamedSql SET_CURSOR = NamedSql.of(
            "update webhook_subscription set feed_cursor = :cursor where id = :id");
    private static final NamedSql REPLAY = NamedSql.of("update webhook_subscription set feed_cursor = :cursor,"
            + " replay_generation = replay_generation + 1 where id = :id");

    /** A partner's systems and editors manage its subscriptions. */
    boolean manages() {
        return caller.isServiceAccount() || caller.hasRole(Roles.PARTNER_EDITOR);
    }

    private void requireReader() {
        if (!manages() && !caller.hasRole(Roles.PMO_ADMIN)) {
            throw ProblemException.forbidden("Webhook subscriptions are managed by a partner's systems and editors,"
                    + " and read by the programme office.");
        }
    }

    private void requireManager() {
        if (!manages()) {
            throw ProblemException.forbidden("Webhook subscriptions are managed by a partner's systems and editors.");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<WebhookSubscription> list(int limit, int offset) {
        requireReader();
        Where where = new Where();
        if (!caller.hasRole(Roles.PMO_ADMIN)) {
            where.and("s.partner_id = :own", "own", caller.partnerId());
        }
        return NativePaging.page(em, WebhookSubscription.class, "s", "from webhook_subscription s " + where.sql(),
                "s.created_at, s.id", where.params(), limit, offset);
    }

    /** The subscription if the caller reads it: 403 for roles that read none, 404 for another partner's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookSubscription get(UUID id) {
        requireReader();
        WebhookSubscription s = WebhookSubscription.findById(id);
        if (s == null || !caller.hasRole(Roles.PMO_ADMIN) && !s.partnerId.equals(caller.partnerId())) {
            throw ProblemException.notFound("No webhook subscription with id '" + id + "'.");
        }
        return s;
    }

    /** The caller's partner's own subscription, for a change: the programme office reads others' but changes none. */
    private WebhookSubscription own(UUID id, String ifMatch) {
        requireManager();
        WebhookSubscription s = get(id);
        if (!s.partnerId.equals(caller.partnerId())) {
            throw ProblemException.forbidden("Only " + s.partnerId + "'s systems and editors change its subscriptions.");
        }
        ETags.requireMatch(ifMatch, s.version);
        return s;
    }

    public WebhookSubscription create(String url, java.util.Collection<WebhookEventType> eventTypes, String description) {
        requireManager();
        validate(url);
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.partnerId = caller.partnerId();
        s.url = url;
        s.description = description;
        s.eventTypes = new ArrayList<>(eventTypes.stream().map(WebhookEventType::toString).toList());
        s.status = WebhookSubscriptionStatus.ACTIVE;
        s.secret = WebhookSignature.newSecret();
        s.createdBy = caller.username();
        s.createdAt = PartnershipCalendar.timestamp(clock);
        s.updatedAt = s.createdAt;
        s.persistAndFlush();
        // Starts at the end of the feed as the partner reads it now: a subscriber gets what happens from
        // now on (a replay fetches the past).
        em.unwrap(Session.class).doWork(c -> WebhookQueue.update(c, SET_CURSOR, Map.of("cursor", feed.end(c), "id", s.id)));
        return s;
    }

    public WebhookSubscription update(UUID id, String ifMatch, String url, java.util.Collection<WebhookEventType> eventTypes,
            String description) {
        WebhookSubscription s = own(id, ifMatch);
        validate(url);
        s.url = url;
        s.eventTypes = new ArrayList<>(eventTypes.stream().map(WebhookEventType::toString).toList());
        s.description = description;
        s.updatedAt = PartnershipCalendar.timestamp(clock);
        s.flush();
        return s;
    }

    public void delete(UUID id, String ifMatch) {
        WebhookSubscription s = own(id, ifMatch);
        s.delete();
        em.flush();
    }

    public WebhookSubscription changeStatus(UUID id, String ifMatch, WebhookSubscriptionStatus to) {
        WebhookSubscription s = own(id, ifMatch);
        WebhookSubscriptionLifecycle.require(s.status, to);
        if (s.status == WebhookSubscriptionStatus.DISABLED) {
            // The deliveries that gave up get a fresh retry period, in their order.
            em.unwrap(Session.class).doWork(c -> queue.retryFailed(c, s.id));
        }
        s.status = to;
        s.disabledReason = null;
        s.updatedAt = PartnershipCalendar.timestamp(clock);
        s.flush();
        return s;
    }

    public WebhookSubscription rotateSecret(UUID id, String ifMatch, Integer overlapMinutes) {
        WebhookSubscription s = own(id, ifMatch);
        Duration overlap = overlapMinutes == null ? config.secretOverlap() : Duration.ofMinutes(overlapMinutes);
        OffsetDateTime now = PartnershipCalendar.timestamp(clock);
        if (overlap.isZero()) {
            s.previousSecret = null;
            s.previousSecretExpiresAt = null;
        } else {
            s.previousSecret = s.secret;
            s.previousSecretExpiresAt = now.plus(overlap);
        }
        s.secret = WebhookSignature.newSecret();
        s.updatedAt = now;
        s.flush();
        return s;
    }

    public WebhookSubscription replay(UUID id, String ifMatch, String after) {
        WebhookSubscription s = own(id, ifMatch);
        ChangeFeed.requireCursor(after, "after");
        s.updatedAt = PartnershipCalendar.timestamp(clock);
        s.flush();
        Map<String, Object> params = new HashMap<>();
        params.put("cursor", after);
        params.put("id", s.id);
        em.unwrap(Session.class).doWork(c -> WebhookQueue.update(c, REPLAY, params));
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice<WebhookQueue.Delivery> deliveries(UUID id, String status, int limit, int offset) {
        WebhookSubscription s = get(id);
        return em.unwrap(Session.class).doReturningWork(c -> queue.log(c, s.id, status, limit, offset));
    }

    private void validate(String url) {
        List<FieldError> errors = new ArrayList<>();
        WebhookUrls.problem(url, config.allowHttpLocalhost()).ifPresent(p -> errors.add(Problems.fieldError("url", p)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
