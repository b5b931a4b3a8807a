package org.estatehub.history.service;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.time.PartnershipCalendar;
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
 * JsonNode before = audit.snapshot(AssetMapper.toApi(asset, null, authorities));
 * ... change the asset, flush ...
 * audit.record(AssetAuditScope.subject(asset), AuditActions.UPDATED, before, audit.snapshot(AssetMapper.toApi(asset, null, authorities)));
 * </pre>
 *
 * Changes made in SQL, many at once (the CSV import), are recorded with {@link #recordAll}; every event,
 * however it was recorded, is written by the one statement of {@link #insert}.
 */
@ApplicationScoped
public class AuditLog {

    /** Bookkeeping the event itself carries (entityId, occurredAt) or that says nothing about the record. */
    static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt", "updatedAt");

    @Inject
    Clock clock;

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
        insert(caller.username(), caller.partnerId(), one(subject, action, before, after, note));
    }

    /**
     * Records a change no caller made: the demo data, loaded at start-up outside any request, under the
     * actor `username` and no partner. Read rules are those of the subject, as for every other event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordWithoutCaller(String username, AuditSubject subject, String action, JsonNode before,
            JsonNode after, String note) {
        insert(username, null, one(subject, action, before, after, note));
    }

    /**
     * Records many changes of the caller's at once, without loading them into Java: `changes` is a query
     * yielding one row per changed record, with the columns of {@link #CHANGE_COLUMNS} (the
     * {@link AuditSubject}'s fields, the action, the note and both representations as jsonb) and
     * `position`, the order in which the events are written (and listed). It runs in the caller's
     * transaction, so it may read what the caller has just written (the CSV import's temporary table).
     * Unlike {@link #record}, it does not compare the representations: the query yields changes only.
     *
     * @return the number of events written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordAll(String changes, Object... params) {
        return insert(caller.username(), caller.partnerId(), new Changes(changes, Arrays.asList(params)));
    }

    /** What a change query yields, besides `position`; see {@link #recordAll}. */
    public static final String CHANGE_COLUMNS = "entity_type, entity_id, action, partner_id, scope_type, scope_id,"
            + " note, before_doc, after_doc";

    /** A query yielding {@link #CHANGE_COLUMNS} and `position`, with its positional parameters. */
    private record Changes(String sql, List<Object> params) {
    }

    /** One change as a change query: no row when the representation did not change. */
    private Changes one(AuditSubject subject, String action, JsonNode before, JsonNode after, String note) {
        return new Changes("""
                select cast(? as text) as entity_type, cast(? as text) as entity_id, cast(? as text) as action,
                       cast(? as text) as partner_id, cast(? as text) as scope_type, cast(? as text) as scope_id,
                       cast(? as text) as note, d.before_doc, d.after_doc, 1 as position
                  from (select cast(? as jsonb) as before_doc, cast(? as jsonb) as after_doc) d
                 where audit_diff(d.before_doc, d.after_doc) <> '{}'::jsonb""",
                Arrays.asList(subject.entityType(), subject.entityId(), action, subject.partnerId(),
                        subject.scopeType(), subject.scopeId(), note, write(before), write(after)));
    }

    /**
     * The one statement that writes audit_event rows: the actor is that of the whole statement, occurred_at
     * the service's clock (not the column's DEFAULT: tests fix time, and the event's time comes from the
     * same clock as every other stored time), txid the column's default (the transaction's id, see
     * V10__audit.sql).
     */
    private int insert(String username, String actorPartner, Changes changes) {
        var occurredAt = PartnershipCalendar.timestamp(clock);
        // The change's own statements first, so its row locks are taken before the event is written.
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into audit_event ("
                    + CHANGE_COLUMNS + ", actor_username, actor_partner_id, occurred_at)"
                    + " select " + prefixed("c.") + ", ?, ?, ?"
                    + " from (" + changes.sql() + ") c order by c.position")) {
                int index = 1;
                insert.setString(index++, username);
                insert.setString(index++, actorPartner);
                insert.setObject(index++, occurredAt);
                for (Object param : changes.params()) {
                    insert.setObject(index++, param);
                }
                return insert.executeUpdate();
            }
        });
    }

    private static String prefixed(String alias) {
        return alias + CHANGE_COLUMNS.replace(", ", ", " + alias);
    }

    private String write(JsonNode node) {
        try {
            return node == null ? null : json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit snapshot could not be written as JSON", e);
        }
    }
}
