package org.estatehub.history.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.AuditEvent;
import org.estatehub.common.sql.NamedSql;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.history.AuditScope;
import org.hibernate.Session;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One record's history: its own events and those of the records that are part of it, oldest first. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditHistory {

    public record Page(List<AuditEvent> items, long total) {
    }

    /** The events of one record; the page itself depends on the caller (AuditScope#detailsSql). */
    private static final NamedSql COUNT = NamedSql.of(
            "select count(*) from audit_event e where e.scope_type = :type and e.scope_id = :id");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<AuditScope> scopes;

    @Inject
    Caller caller;

    /** The history of (scopeType, scopeId), after the scope's read check (404/403 as for the record). */
    public Page page(String scopeType, String scopeId, int limit, int offset) {
        AuditScope scope = scope(scopeType);
        scope.requireReadable(scopeId);
        // Reading a record does not always mean reading every part's values (an award's claims).
        String details = scope.detailsSql(caller);
        // Events of one record are ordered by id: its changes lock its row, so they commit in id order.
        NamedSql events = NamedSql.of("select " + AuditEvents.COLUMNS
                + AuditEvents.withheldUnless(details, AuditEvents.pathsSql(scope.summaryPaths()))
                + " from audit_event e where e.scope_type = :type and e.scope_id = :id order by e.id"
                + " limit :limit offset :offset");
        Map<String, Object> params = new HashMap<>();
        params.put("type", scopeType);
        params.put("id", scopeId);
        params.put("limit", limit);
        params.put("offset", offset);
        params.put("callerPartner", caller.partnerId());
        // The session's own connection, as a native query of this EntityManager would use.
        return em.unwrap(Session.class).doReturningWork(connection -> {
            long total = COUNT.count(connection, params);
            List<AuditEvent> items = events.list(connection, params, row -> AuditEvents.read(row, json).event());
            return new Page(items, total);
        });
    }

    /** Every record with at least one event, as `entityType:entityId` (the demo data records only the rest). */
    public Set<String> recordedEntities() {
        return em.unwrap(Session.class).doReturningWork(connection -> new HashSet<>(
                RECORDED_ENTITIES.list(connection, Map.of(), row -> row.getString(1))));
    }

    private static final NamedSql RECORDED_ENTITIES = NamedSql.of(
            "select distinct entity_type || ':' || entity_id from audit_event");

    private AuditScope scope(String type) {
        return scopes.stream().filter(s -> s.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No AuditScope bean for " + type));
    }
}
