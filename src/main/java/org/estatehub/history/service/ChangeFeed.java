package org.estatehub.history.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.AuditEvent;
import org.estatehub.api.model.ChangeFeedPage;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.history.AuditScope;
import org.hibernate.Session;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The partnership-wide change feed, resumable by cursor with no duplicates and no gaps.
 *
 * <p>Why not simply `id > cursor`: ids come from a sequence when the event is inserted, but
 * transactions commit in another order. A reader could see event 11 (committed) while event 10 is still
 * in flight, hand out cursor 11, and never deliver 10. Instead the feed is ordered by (writing
 * transaction id, event id) and serves only events of transactions older than the reader's snapshot
 * xmin ({@code pg_snapshot_xmin(pg_current_snapshot())}): every transaction below it has committed or
 * rolled back, and every transaction still running or yet to start has a larger id, so its events sort
 * after any cursor already handed out. The price is latency: one long-running transaction anywhere on
 * the database server holds back newer events until it ends (they are delayed, never lost). No lock is
 * taken by writers, so the feed costs them nothing.
 *
 * <p>Visibility is judged at read time by each event's {@link AuditScope} against the record as it is
 * now; hidden events still move the cursor on, so a reader never re-reads them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeFeed {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<AuditScope> scopes;

    @Inject
    Caller caller;

    /** Everything but the SQL text's caller-dependent conditions, which are built per read. */
    private static final NamedSql HORIZON = NamedSql.of("select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)");
    private static final NamedSql LAST_BELOW = NamedSql.of("select cast(e.txid as text), e.id from audit_event e"
            + " where e.txid < cast(cast(:horizon as text) as xid8) order by e.txid desc, e.id desc limit 1");

    /** One event of the feed with its position: `cursor` resumes the feed right after it. */
    public record FeedEvent(long id, long txid, String cursor, AuditEvent event) {
    }

    /** A page of the feed as `reader` may see it; `nextCursor` resumes after it. */
    public record Batch(List<FeedEvent> events, String nextCursor, boolean hasMore) {
    }

    public ChangeFeedPage read(String after, int limit) {
        Batch batch = em.unwrap(Session.class).doReturningWork(connection -> readAs(caller, after, limit, connection));
        return new ChangeFeedPage().items(batch.events().stream().map(FeedEvent::event).toList())
                .nextCursor(batch.nextCursor()).hasMore(batch.hasMore()).limit(limit);
    }

    /**
     * The feed exactly as GET /events answers `reader` (the same visibility and withholding rules of every
     * {@link AuditScope}), on `connection`: what webhooks deliver to a subscriber's partner.
     */
    public Batch readAs(Caller reader, String after, int limit, java.sql.Connection connection)
            throws java.sql.SQLException {
        FeedCursor cursor = FeedCursor.decode(after);

        StringBuilder visible = new StringBuilder("case e.scope_type");
        StringBuilder details = new StringBuilder("case e.scope_type");
        StringBuilder summaryPaths = new StringBuilder("case e.scope_type");
        for (AuditScope scope : scopes) {
            String type = scope.type().replace("'", "");
            visible.append(" when '").append(type).append("' then (").append(scope.visibleSql(reader)).append(')');
            details.append(" when '").append(type).append("' then (").append(scope.detailsSql(reader)).append(')');
            summaryPaths.append(" when '").append(type).append("' then ")
                    .append(AuditEvents.pathsSql(scope.summaryPaths()));
        }
        visible.append(" else false end");
        details.append(" else false end");
        summaryPaths.append(" end");

        NamedSql events = NamedSql.of("select " + AuditEvents.COLUMNS
                + AuditEvents.withheldUnless(details.toString(), summaryPaths.toString())
                + " from audit_event e"
                + " where (e.txid, e.id) > (cast(cast(:afterTx as text) as xid8), :afterId)"
                + " and e.txid < cast(cast(:horizon as text) as xid8)"
                + " and " + visible
                + " order by e.txid, e.id limit :limit");
        // Read once and used by both queries below: the horizon only ever moves forward, and every event
        // below it was committed before it was read, so both queries see the same complete prefix.
        String horizon = HORIZON.one(connection, Map.of(), row -> row.getString(1));
        Map<String, Object> params = new HashMap<>();
        params.put("afterTx", Long.toString(cursor.txid()));
        params.put("afterId", cursor.id());
        params.put("horizon", horizon);
        params.put("limit", limit + 1);
        params.put("callerPartner", reader.partnerId());
        List<AuditEvents.Row> rows = events.list(connection, params, row -> AuditEvents.read(row, json));

        boolean hasMore = rows.size() > limit;
        List<AuditEvents.Row> page = hasMore ? rows.subList(0, limit) : rows;
        List<FeedEvent> items = page.stream()
                .map(r -> new FeedEvent(r.id(), r.txid(), new FeedCursor(r.txid(), r.id()).encode(), r.event())).toList();
        FeedCursor next;
        if (hasMore) {
            AuditEvents.Row last = page.get(page.size() - 1);
            next = new FeedCursor(last.txid(), last.id());
        } else {
            // Caught up: skip past every event below the horizon, hidden ones included.
            next = max(cursor, LAST_BELOW.optional(connection, Map.of("horizon", horizon),
                    row -> new FeedCursor(Long.parseLong(row.getString(1)), row.getLong(2)))
                    .orElse(FeedCursor.START));
        }
        return new Batch(items, next.encode(), hasMore);
    }

    /**
     * The cursor after every event that has entered the feed (whoever may read it): where a reader that
     * wants only what happens from now on starts.
     */
    public String end(java.sql.Connection connection) throws java.sql.SQLException {
        String horizon = HORIZON.one(connection, Map.of(), row -> row.getString(1));
        return LAST_BELOW.optional(connection, Map.of("horizon", horizon),
                row -> new FeedCursor(Long.parseLong(row.getString(1)), row.getLong(2))).orElse(FeedCursor.START).encode();
    }

    /** 400 naming `field` unless `cursor` is a cursor of this feed (null: the start). */
    public static void requireCursor(String cursor, String field) {
        try {
            FeedCursor.decode(cursor);
        } catch (org.estatehub.common.problem.ProblemException e) {
            throw org.estatehub.common.problem.ProblemException.invalid(List.of(org.estatehub.common.problem.Problems
                    .fieldError(field, "is not a cursor from the change feed; pass a nextCursor of GET /events exactly as received")));
        }
    }

    private static FeedCursor max(FeedCursor a, FeedCursor b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
