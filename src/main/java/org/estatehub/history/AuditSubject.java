package org.estatehub.history;

/**
 * The record an event is about, and whose read rules govern it.
 *
 * @param entityType kind of record (`ASSET`, `MILESTONE`, ...), as shown in events
 * @param entityId the record's id
 * @param partnerId the partner the record belongs to (owner, lead), or null
 * @param scopeType kind of the record whose history includes this one and whose read rules apply; an
 *        {@link AuditScope} of this type must exist
 * @param scopeId that record's id
 */
public record AuditSubject(String entityType, String entityId, String partnerId, String scopeType, String scopeId) {

    /** A record with its own history and read rules (an asset, a project, a partner). */
    public static AuditSubject of(String entityType, Object entityId, String partnerId) {
        return new AuditSubject(entityType, entityId.toString(), partnerId, entityType, entityId.toString());
    }

    /** A record that is part of another (a milestone of a project): in its history, under its read rules. */
    public static AuditSubject partOf(String entityType, Object entityId, String partnerId, String scopeType,
            Object scopeId) {
        return new AuditSubject(entityType, entityId.toString(), partnerId, scopeType, scopeId.toString());
    }
}
