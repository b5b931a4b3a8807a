package org.estatehub.common.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.AuditEvent;
import org.estatehub.common.tenancy.Caller;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One record's history: its own events and those of the records that are part of it, oldest first. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditHistory {

    public record Page(List<AuditEvent> items, long total) {
    }

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
        long total = ((Number) em.createNativeQuery(
                "select count(*) from audit_event e where e.scope_type = :type and e.scope_id = :id")
                .setParameter("type", scopeType)
                .setParameter("id", scopeId)
                .getSingleResult()).longValue();
        // Events of one record are ordered by id: its changes lock its row, so they commit in id order.
        var query = em.createNativeQuery("select " + AuditEvents.COLUMNS
                + AuditEvents.withheldUnless(details, AuditEvents.pathsSql(scope.summaryPaths()))
                + " from audit_event e where e.scope_type = :type and e.scope_id = :id order by e.id"
                + " limit :limit offset :offset")
                .setParameter("type", scopeType)
                .setParameter("id", scopeId)
                .setParameter("limit", limit)
                .setParameter("offset", offset);
        if (details.contains(":callerPartner")) {
            query.setParameter("callerPartner", caller.partnerId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return new Page(rows.stream().map(row -> AuditEvents.toApi(row, json)).toList(), total);
    }

    private AuditScope scope(String type) {
        return scopes.stream().filter(s -> s.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No AuditScope bean for " + type));
    }
}
