package org.estatehub.history.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.estatehub.api.model.AuditActor;
import org.estatehub.api.model.AuditEvent;
import org.estatehub.api.model.FieldChange;
import org.estatehub.history.AuditScope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Rows of audit_event, selected with {@link #COLUMNS}, as the contract's AuditEvent. */
final class AuditEvents {

    /** One event row: its feed position (id, txid) and its answer. */
    record Row(long id, long txid, AuditEvent event) {
    }

    /** Column list over alias `e`, to be followed by {@link #withheldUnless}'s note and changes. */
    static final String COLUMNS = "e.id, cast(e.txid as text), e.occurred_at, e.entity_type, e.entity_id, e.action,"
            + " e.actor_username, e.actor_partner_id, e.partner_id, e.scope_type, e.scope_id";

    /**
     * The note and the changes, for callers who may see the event. With `details` (an
     * {@link AuditScope#detailsSql} condition) both; without, no note (the actor's reason, e.g. a stage
     * change's note, is a value of the record as much as the changed fields are) and, for the scope
     * record's own events, only the changes at the paths of `summaryPaths` (a text[] expression, null
     * for none; see {@link AuditScope#summaryPaths}), or none when nothing there changed.
     */
    static String withheldUnless(String details, String summaryPaths) {
        return ", case when " + details + " then e.note end, case when " + details
                + " then cast(audit_diff(e.before_doc, e.after_doc) as text)"
                + " when e.entity_type = e.scope_type and e.entity_id = e.scope_id and (" + summaryPaths
                + ") is not null then"
                + " (select cast(jsonb_object_agg(d.key, d.value) as text)"
                + " from jsonb_each(audit_diff(e.before_doc, e.after_doc)) d where d.key = any(" + summaryPaths + "))"
                + " end";
    }

    /** A scope's {@link AuditScope#summaryPaths} as an SQL text[] (constants from code, quoted). */
    static String pathsSql(java.util.List<String> paths) {
        if (paths.isEmpty()) {
            return "cast(null as text[])";
        }
        return "cast(array[" + String.join(", ", paths.stream().map(p -> "'" + p.replace("'", "''") + "'").toList())
                + "] as text[])";
    }

    private AuditEvents() {
    }

    /** Maps a row of {@code select COLUMNS, <changes as text>}. */
    static Row read(ResultSet row, ObjectMapper json) throws SQLException {
        String entityType = row.getString(4);
        String entityId = row.getString(5);
        String scopeType = row.getString(10);
        String scopeId = row.getString(11);
        AuditEvent event = new AuditEvent()
                .entityType(entityType)
                .entityId(entityId)
                .action(row.getString(6))
                .occurredAt(row.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC))
                .actor(new AuditActor().username(row.getString(7)).partnerId(row.getString(8)))
                .partnerId(row.getString(9))
                .note(row.getString(12));
        if (!(scopeType.equals(entityType) && scopeId.equals(entityId))) {
            event.parentType(scopeType).parentId(scopeId);
        }
        String changes = row.getString(13);
        event.setChanges(changes == null ? null : changes(changes, json));
        return new Row(row.getLong(1), Long.parseLong(row.getString(2)), event);
    }

    private static Map<String, FieldChange> changes(String text, ObjectMapper json) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_event.changes is not JSON", e);
        }
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> changes.put(field.getKey(),
                new FieldChange().from(field.getValue().get("from")).to(field.getValue().get("to"))));
        return changes;
    }
}
