package org.estatehub.webhook.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.paging.Slice;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.sql.Where;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.time.PartnershipCalendar;
import org.estatehub.history.service.ChangeFeed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The durable delivery queue in PostgreSQL (tables of V37__webhooks.sql), shared by every replica.
 * <ul>
 * <li>Dispatch: each ACTIVE subscription, locked with `FOR UPDATE SKIP LOCKED` so one replica at a time
 * moves it, reads the change feed from its cursor through {@link ChangeFeed#readAs} as its partner (the
 * read rules of GET /events, not a copy of them), enqueues the events of its types and moves the cursor,
 * in one transaction: an event is enqueued exactly once per replay generation, or not at all.</li>
 * <li>Claim: due deliveries are leased with `FOR UPDATE SKIP LOCKED`, so two replicas never claim the same
 * attempt; a delivery waits while an earlier delivery of the same record for the same subscription is
 * pending (feed order per record), and a subscription has at most maxInFlightPerSubscription leased.</li>
 * <li>Complete: the attempt is logged; a 2xx delivers, anything else retries with exponential back-off and
 * jitter until retryFor has passed since the first attempt, when the delivery FAILS and the subscription
 * is DISABLED with the reason.</li>
 * </ul>
 */
@ApplicationScoped
public class WebhookQueue {

    @Inject
    Clock clock;

    @Inject
    ChangeFeed feed;

    @Inject
    ObjectMapper json;

    @Inject
    WebhookConfig config;

    /** Events read from the feed per page, and pages per subscription per dispatch. */
    static final int PAGE = 200;
    static final int PAGES = 10;

    record Subscription(UUID id, String partnerId, String cursor, int generation, List<String> eventTypes) {
    }

    /** A leased delivery, with what its attempt needs. */
    public record Claimed(long id, UUID subscriptionId, int attempt, String url, String webhookId, String payload,
            List<String> keys) {
    }

    /** One line of a subscription's delivery log. */
    public record Delivery(long id, String webhookId, String eventType, String entityType, String entityId,
            String status, int attempts, Integer lastStatusCode, String lastError, Integer lastLatencyMs,
            OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt) {
    }

    /** The outcome of one attempt: a status code (null when no answer came) and the error, if it failed. */
    public record Outcome(Integer statusCode, String error, int latencyMs, OffsetDateTime startedAt) {
        boolean delivered() {
            return error == null && statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private static final NamedSql ACTIVE = NamedSql.of("select s.id, s.partner_id, s.feed_cursor, s.replay_generation,"
            + " s.event_types from webhook_subscription s where s.status = 'ACTIVE' order by s.id"
            + " for update skip locked");
    private static final NamedSql MOVE_CURSOR = NamedSql.of(
            "update webhook_subscription set feed_cursor = :cursor where id = :id");
    private static final NamedSql ENQUEUE = NamedSql.of("insert into webhook_delivery (subscription_id, event_id,"
            + " event_txid, event_type, entity_type, entity_id, replay_generation, payload, status, created_at,"
            + " next_attempt_at) values (:subscription, :eventId, cast(cast(:txid as text) as xid8), :eventType,"
            + " :entityType, :entityId, :generation, :payload, 'PENDING', :now, :now)"
            + " on conflict (subscription_id, event_id, replay_generation) do nothing");

    /**
     * Due deliveries not blocked by an earlier pending one of the same record, at most `perSubscription`
     * leased per subscription, locked without waiting for rows another replica is claiming. The lease
     * conditions are repeated on `d` so that a row claimed and committed by another replica meanwhile is
     * re-checked on its new version when locked.
     */
    private static final NamedSql CLAIM = NamedSql.of("with busy as (select subscription_id, count(*) as n"
            + " from webhook_delivery where status = 'PENDING' and lease_until > :now group by subscription_id),"
            + " candidates as (select d.id, row_number() over (partition by d.subscription_id order by d.id) as rn,"
            + " coalesce(b.n, 0) as busy from webhook_delivery d"
            + " join webhook_subscription s on s.id = d.subscription_id and s.status = 'ACTIVE'"
            + " left join busy b on b.subscription_id = d.subscription_id"
            + " where d.status = 'PENDING' and d.next_attempt_at <= :now"
            + " and (d.lease_until is null or d.lease_until <= :now)"
            + " and not exists (select 1 from webhook_delivery p where p.subscription_id = d.subscription_id"
            + " and p.entity_type = d.entity_type and p.entity_id = d.entity_id and p.status = 'PENDING'"
            + " and p.id < d.id)),"
            + " claimed as (select d.id from webhook_delivery d join candidates c on c.id = d.id"
            + " where c.rn + c.busy <= :perSubscription and d.status = 'PENDING'"
            + " and (d.lease_until is null or d.lease_until <= :now)"
            + " order by d.next_attempt_at, d.id limit :max for update of d skip locked)"
            + " update webhook_delivery d set attempts = d.attempts + 1, lease_until = :leaseUntil,"
            + " leased_by = :instance, retry_until = coalesce(d.retry_until, :retryUntil)"
            + " from claimed, webhook_subscription s where d.id = claimed.id and s.id = d.subscription_id"
            + " returning d.id, d.subscription_id, d.attempts, s.url, d.event_id, d.payload, s.secret,"
            + " case when s.previous_secret_expires_at > :now then s.previous_secret end");
    private static final NamedSql LOG_ATTEMPT = NamedSql.of("insert into webhook_attempt (delivery_id, attempt,"
            + " instance, started_at, status_code, error, latency_ms) values (:id, :attempt, :instance, :startedAt,"
            + " :statusCode, :error, :latencyMs)");
    private static final NamedSql DELIVERED = NamedSql.of("update webhook_delivery set status = 'DELIVERED',"
            + " delivered_at = :now, lease_until = null, last_status_code = :statusCode, last_error = null,"
            + " last_latency_ms = :latencyMs where id = :id and leased_by = :instance and attempts = :attempt"
            + " and status = 'PENDING'");
    private static final NamedSql RETRY_OR_FAIL = NamedSql.of("update webhook_delivery set"
            + " status = case when retry_until < :nextAttempt then 'FAILED' else 'PENDING' end,"
            + " next_attempt_at = :nextAttempt, lease_until = null, last_status_code = :statusCode,"
            + " last_error = :error, last_latency_ms = :latencyMs"
            + " where id = :id and leased_by = :instance and attempts = :attempt and status = 'PENDING'"
            + " returning status");
    private static final NamedSql DISABLE = NamedSql.of("update webhook_subscription set status = 'DISABLED',"
            + " disabled_reason = :reason, updated_at = :now, version = version + 1"
            + " where id = :id and status = 'ACTIVE'");
    private static final NamedSql RETRY_FAILED = NamedSql.of("update webhook_delivery set status = 'PENDING',"
            + " retry_until = null, next_attempt_at = :now, lease_until = null"
            + " where subscription_id = :id and status = 'FAILED'");

    /** Moves every ACTIVE subscription this replica can lock along the feed; the number of deliveries enqueued. */
    public int dispatch(Connection c) throws SQLException {
        OffsetDateTime now = PartnershipCalendar.timestamp(clock);
        List<Subscription> subscriptions = ACTIVE.list(c, Map.of(), row -> new Subscription(
                row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getInt(4),
                List.of((String[]) row.getArray(5).getArray())));
        int enqueued = 0;
        for (Subscription s : subscriptions) {
            Caller reader = Caller.partnerView(s.partnerId(), "webhooks");
            String cursor = s.cursor();
            try (PreparedStatement insert = ENQUEUE.prepare(c, params(s, null, now))) {
                for (int page = 0; page < PAGES; page++) {
                    ChangeFeed.Batch batch = feed.readAs(reader, cursor, PAGE, c);
                    for (ChangeFeed.FeedEvent event : batch.events()) {
                        if (!s.eventTypes().contains(event.event().getAction())) {
                            continue;
                        }
                        bind(insert, ENQUEUE, params(s, event, now));
                        insert.addBatch();
                        enqueued++;
                    }
                    cursor = batch.nextCursor();
                    if (!batch.hasMore()) {
                        break;
                    }
                }
                insert.executeBatch();
            }
            if (!cursor.equals(s.cursor())) {
                update(c, MOVE_CURSOR, Map.of("cursor", cursor, "id", s.id()));
            }
        }
        return enqueued;
    }

    private Map<String, Object> params(Subscription s, ChangeFeed.FeedEvent event, OffsetDateTime now) {
        Map<String, Object> p = new HashMap<>();
        p.put("subscription", s.id());
        p.put("generation", s.generation());
        p.put("now", now);
        p.put("eventId", event == null ? 0L : event.id());
        p.put("txid", event == null ? "0" : Long.toString(event.txid()));
        p.put("eventType", event == null ? "" : event.event().getAction());
        p.put("entityType", event == null ? "" : event.event().getEntityType());
        p.put("entityId", event == null ? "" : event.event().getEntityId());
        p.put("payload", event == null ? "" : payload(event));
        return p;
    }

    /** Runs an insert or update, closing its statement; the number of rows changed. */
    static int update(Connection c, NamedSql sql, Map<String, ?> params) throws SQLException {
        try (PreparedStatement statement = sql.prepare(c, params)) {
            return statement.executeUpdate();
        }
    }

    /** Rebinds a prepared NamedSql statement's parameters (for a batch). */
    private static void bind(PreparedStatement statement, NamedSql sql, Map<String, Object> params) throws SQLException {
        List<String> names = sql.names();
        for (int i = 0; i < names.size(); i++) {
            statement.setObject(i + 1, params.get(names.get(i)));
        }
    }

    /** The body: Standard Webhooks' {type, timestamp, data}, plus the feed cursor right after the event. */
    private String payload(ChangeFeed.FeedEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.event().getAction());
        body.put("timestamp", event.event().getOccurredAt());
        body.put("cursor", event.cursor());
        body.put("data", event.event());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an AuditEvent that does not serialize", e);
        }
    }

    /** The webhook-id of an event's deliveries to a subscription: the same on every attempt and replay. */
    static String webhookId(long eventId, UUID subscriptionId) {
        return "evt_" + eventId + "_" + subscriptionId.toString().replace("-", "");
    }

    /** Leases up to `max` due deliveries for `instance`. */
    public List<Claimed> claim(Connection c, String instance, int max) throws SQLException {
        OffsetDateTime now = PartnershipCalendar.timestamp(clock);
        Map<String, Object> p = new HashMap<>();
        p.put("now", now);
        p.put("perSubscription", config.maxInFlightPerSubscription());
        p.put("max", max);
        p.put("leaseUntil", now.plus(config.lease()));
        p.put("retryUntil", now.plus(config.retryFor()));
        p.put("instance", instance);
        return CLAIM.list(c, p, row -> {
            UUID subscription = row.getObject(2, UUID.class);
            String previous = row.getString(8);
            List<String> keys = previous == null ? List.of(row.getString(7)) : List.of(row.getString(7), previous);
            return new Claimed(row.getLong(1), subscription, row.getInt(3), row.getString(4),
                    webhookId(row.getLong(5), subscription), row.getString(6), keys);
        });
    }

    /** Records an attempt's outcome; false when the lease had been lost (another worker now owns it). */
    public boolean complete(Connection c, Claimed d, String instance, Outcome outcome) throws SQLException {
        OffsetDateTime now = PartnershipCalendar.timestamp(clock);
        Map<String, Object> p = new HashMap<>();
        p.put("id", d.id());
        p.put("attempt", d.attempt());
        p.put("instance", instance);
        p.put("startedAt", outcome.startedAt());
        p.put("statusCode", outcome.statusCode());
        p.put("error", outcome.error());
        p.put("latencyMs", outcome.latencyMs());
        p.put("now", now);
        update(c, LOG_ATTEMPT, p);
        if (outcome.delivered()) {
            return update(c, DELIVERED, p) == 1;
        }
        p.put("nextAttempt", now.plus(backoff(d.attempt())));
        var status = RETRY_OR_FAIL.optional(c, p, row -> row.getString(1));
        if (status.isPresent() && status.get().equals("FAILED")) {
            update(c, DISABLE, Map.of("id", d.subscriptionId(), "now", now, "reason",
                    "Deliveries failed for " + config.retryFor() + " (" + d.attempt() + " attempts of "
                            + d.webhookId() + "); the last: " + outcome.error()));
        }
        return status.isPresent();
    }

    /** Exponential back-off with jitter: base x 2^(attempt-1), capped, then a random half to all of it. */
    Duration backoff(int attempt) {
        long base = config.retryBaseDelay().toMillis();
        long cap = config.retryMaxDelay().toMillis();
        long delay = attempt >= 31 ? cap : Math.min(cap, base << Math.max(0, attempt - 1));
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }

    /** A re-activated subscription's deliveries that gave up get a fresh retry period. */
    public void retryFailed(Connection c, UUID subscriptionId) throws SQLException {
        update(c, RETRY_FAILED, Map.of("id", subscriptionId, "now", PartnershipCalendar.timestamp(clock)));
    }

    /** A page of a subscription's delivery log, newest first. */
    public Slice<Delivery> log(Connection c, UUID subscriptionId, String status, int limit, int offset)
            throws SQLException {
        Where where = new Where().and("d.subscription_id = :subscription", "subscription", subscriptionId);
        if (status != null) {
            where.and("d.status = :status", "status", status);
        }
        Map<String, Object> p = new HashMap<>(where.params());
        p.put("limit", limit);
        p.put("offset", offset);
        NamedSql page = NamedSql.of("select d.id, d.event_id, d.event_type, d.entity_type, d.entity_id, d.status,"
                + " d.attempts, d.last_status_code, d.last_error, d.last_latency_ms, d.created_at, d.next_attempt_at,"
                + " d.delivered_at from webhook_delivery d " + where.sql() + " order by d.id desc limit :limit offset :offset");
        NamedSql count = NamedSql.of("select count(*) from webhook_delivery d " + where.sql());
        List<Delivery> items = page.list(c, p, row -> new Delivery(row.getLong(1), webhookId(row.getLong(2), subscriptionId),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getInt(7),
                (Integer) row.getObject(8), row.getString(9), (Integer) row.getObject(10),
                row.getObject(11, OffsetDateTime.class), row.getObject(12, OffsetDateTime.class),
                row.getObject(13, OffsetDateTime.class)));
        return new Slice<>(new ArrayList<>(items), count.count(c, p));
    }
}
