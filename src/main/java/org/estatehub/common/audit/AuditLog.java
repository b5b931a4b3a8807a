package org.estatehub.common.audit;

import java.sql.PreparedStatement;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.common.tenancy.Caller;
import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Records who changed what: one call per change, from the service, inside the change's transaction
 * (MANDATORY), so a rolled-back change leaves no event. The caller (username and partner) comes from
 * the access token; `before` and `after` are the record's API representation ({@link #snapshot}), and
 * the database works out the field-level difference (audit_diff in V10__audit.sql, the one definition
 * of a diff, shared with the set-based CSV import).
 *
 * <pre>
 * JsonNode before = audit.snapshot(AssetMapper.toApi(asset, null));
 * ... change the asset, flush ...
 * audit.record(AssetAuditScope.subject(asset), AuditActions.UPDATED, before, audit.snapshot(AssetMapper.toApi(asset, null)));
 * </pre>
 */
@ApplicationScoped
public class AuditLog {

    /** Bookkeeping the event itself carries (entityId, occurredAt) or that says nothing about the record. */
    static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt", "updatedAt");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    /** The API representation as recorded: without id, version and timestamps, and without `omit`. */
    public ObjectNode snapshot(Object apiRepresentation, String... omit) {
        ObjectNode node = json.valueToTree(apiRepresentation);
        node.remove(BOOKKEEPING);
        for (String field : omit) {
            node.remove(field);
        }
        return node;
    }

    /** Records a change; nothing when the representation did not change (`before` null for a creation). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditSubject subject, String action, JsonNode before, JsonNode after) {
        record(subject, action, before, after, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditSubject subject, String action, JsonNode before, JsonNode after, String note) {
        String username = caller.username();
        String actorPartner = caller.partnerId();
        String beforeJson = write(before);
        String afterJson = write(after);
        // The change's own statements first, so its row locks are taken before the event is written.
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_event (entity_type, entity_id, action, actor_username, actor_partner_id,
                           partner_id, scope_type, scope_id, note, changes)
                    select ?, ?, ?, ?, ?, ?, ?, ?, ?, d.changes
                      from (select audit_diff(cast(? as jsonb), cast(? as jsonb)) as changes) d
                     where d.changes <> '{}'::jsonb""")) {
                insert.setString(1, subject.entityType());
                insert.setString(2, subject.entityId());
                insert.setString(3, action);
                insert.setString(4, username);
                insert.setString(5, actorPartner);
                insert.setString(6, subject.partnerId());
                insert.setString(7, subject.scopeType());
                insert.setString(8, subject.scopeId());
                insert.setString(9, note);
                insert.setString(10, beforeJson);
                insert.setString(11, afterJson);
                insert.executeUpdate();
            }
        });
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node == null ? NullNode.getInstance() : node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit snapshot could not be written as JSON", e);
        }
    }
}
