package org.estatehub.common.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.AuditEvent;
import org.estatehub.api.model.ChangeFeedPage;
import org.estatehub.common.tenancy.Caller;

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

    public ChangeFeedPage read(String after, int limit) {
        FeedCursor cursor = FeedCursor.decode(after);
        // Read once and used by both queries below: the horizon only ever moves forward, and every event
        // below it was committed before it was read, so both queries see the same complete prefix.
        String horizon = (String) em.createNativeQuery(
                "select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)").getSingleResult();

        StringBuilder visible = new StringBuilder("case e.scope_type");
        StringBuilder details = new StringBuilder("case e.scope_type");
        StringBuilder summaryPaths = new StringBuilder("case e.scope_type");
        for (AuditScope scope : scopes) {
            String type = scope.type().replace("'", "");
            visible.append(" when '").append(type).append("' then (").append(scope.visibleSql(caller)).append(')');
            details.append(" when '").append(type).append("' then (").append(scope.detailsSql(caller)).append(')');
            summaryPaths.append(" when '").append(type).append("' then ")
                    .append(AuditEvents.pathsSql(scope.summaryPaths()));
        }
        visible.append(" else false end");
        details.append(" else false end");
        summaryPaths.append(" end");

        Query query = em.createNativeQuery("select " + AuditEvents.COLUMNS
                + AuditEvents.withheldUnless(details.toString(), summaryPaths.toString())
                + " from audit_event e"
                + " where (e.txid, e.id) > (cast(cast(:afterTx as text) as xid8), :afterId)"
                + " and e.txid < cast(cast(:horizon as text) as xid8)"
                + " and " + visible
                + " order by e.txid, e.id limit :limit")
                .setParameter("afterTx", Long.toString(cursor.txid()))
                .setParameter("afterId", cursor.id())
                .setParameter("horizon", horizon)
                .setParameter("limit", limit + 1);
        if (query.getParameters().stream().anyMatch(p -> "callerPartner".equals(p.getName()))) {
            query.setParameter("callerPartner", caller.partnerId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();

        boolean hasMore = rows.size() > limit;
        List<Object[]> page = hasMore ? rows.subList(0, limit) : rows;
        List<AuditEvent> items = new ArrayList<>(page.size());
        for (Object[] row : page) {
            items.add(AuditEvents.toApi(row, json));
        }
        FeedCursor next;
        if (hasMore) {
            Object[] last = page.get(page.size() - 1);
            next = new FeedCursor(Long.parseLong((String) last[1]), ((Number) last[0]).longValue());
        } else {
            // Caught up: skip past every event below the horizon, hidden ones included.
            next = max(cursor, lastBelow(horizon));
        }
        return new ChangeFeedPage().items(items).nextCursor(next.encode()).hasMore(hasMore).limit(limit);
    }

    private FeedCursor lastBelow(String horizon) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select cast(e.txid as text), e.id from audit_event e"
                + " where e.txid < cast(cast(:horizon as text) as xid8) order by e.txid desc, e.id desc limit 1")
                .setParameter("horizon", horizon)
                .getResultList();
        return rows.isEmpty() ? FeedCursor.START
                : new FeedCursor(Long.parseLong((String) rows.get(0)[0]), ((Number) rows.get(0)[1]).longValue());
    }

    private static FeedCursor max(FeedCursor a, FeedCursor b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
