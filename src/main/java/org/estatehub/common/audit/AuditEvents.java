package org.estatehub.common.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.estatehub.api.model.AuditActor;
import org.estatehub.api.model.AuditEvent;
import org.estatehub.api.model.FieldChange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Rows of audit_event, selected with {@link #COLUMNS}, as the contract's AuditEvent. */
final class AuditEvents {

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

    static AuditEvent toApi(Object[] row, ObjectMapper json) {
        String entityType = (String) row[3];
        String entityId = (String) row[4];
        String scopeType = (String) row[9];
        String scopeId = (String) row[10];
        AuditEvent event = new AuditEvent()
                .entityType(entityType)
                .entityId(entityId)
                .action((String) row[5])
                .occurredAt(time(row[2]))
                .actor(new AuditActor().username((String) row[6]).partnerId((String) row[7]))
                .partnerId((String) row[8])
                .note((String) row[11]);
        if (!(scopeType.equals(entityType) && scopeId.equals(entityId))) {
            event.parentType(scopeType).parentId(scopeId);
        }
        event.setChanges(row[12] == null ? null : changes((String) row[12], json));
        return event;
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

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
