package org.estatehub.common.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** One event row: its feed position (id, txid) and its answer. */
    record Row(long id, long txid, AuditEvent event) {
    }

    /** Column list over alias `e`; the last column is the changes (null when withheld). */
    static final String COLUMNS = "e.id, cast(e.txid as text), e.occurred_at, e.entity_type, e.entity_id, e.action,"
            + " e.actor_username, e.actor_partner_id, e.partner_id, e.scope_type, e.scope_id, e.note";

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
