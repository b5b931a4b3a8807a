package org.estatehub.history.service;

import java.sql.PreparedStatement;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.common.tenancy.Caller;
import org.estatehub.history.AuditSubject;
import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Records who changed what: one call per change, from the service, inside the change's transaction
 * (MANDATORY), so a rolled-back change leaves no event. The caller (username and partner) comes from
 * the access token; `before` and `after` are the record's API representation ({@link #snapshot}). Both
 * are stored; the field-level difference is worked out when events are read (audit_diff in
 * V10__audit.sql, the one definition of a diff).
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
        insert(caller.username(), caller.partnerId(), subject, action, before, after, note);
    }

    /**
     * Records a change no caller made: the demo data, loaded at start-up outside any request, under the
     * actor `username` and no partner. Read rules are those of the subject, as for every other event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordWithoutCaller(String username, AuditSubject subject, String action, JsonNode before,
            JsonNode after, String note) {
        insert(username, null, subject, action, before, after, note);
    }

    private void insert(String username, String actorPartner, AuditSubject subject, String action, JsonNode before,
            JsonNode after, String note) {
        String beforeJson = write(before);
        String afterJson = write(after);
        // The change's own statements first, so its row locks are taken before the event is written.
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_event (entity_type, entity_id, action, actor_username, actor_partner_id,
                           partner_id, scope_type, scope_id, note, before_doc, after_doc)
                    select ?, ?, ?, ?, ?, ?, ?, ?, ?, d.before_doc, d.after_doc
                      from (select cast(? as jsonb) as before_doc, cast(? as jsonb) as after_doc) d
                     where audit_diff(d.before_doc, d.after_doc) <> '{}'::jsonb""")) {
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
            return node == null ? null : json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit snapshot could not be written as JSON", e);
        }
    }
}
