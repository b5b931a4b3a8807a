package org.estatehub.history;

/** The actions recorded so far; features may add their own (the contract lists them as extensible). */
public final class AuditActions {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String DISPOSED = "DISPOSED";
    public static final String STAGE_CHANGED = "STAGE_CHANGED";
    public static final String SIGNED_OFF = "SIGNED_OFF";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String DECIDED = "DECIDED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String RELEASED = "RELEASED";
    public static final String STATUS_CHANGED = "STATUS_CHANGED";
    /** An asset moved to another partner by a completed disposal transfer. */
    public static final String TRANSFERRED = "TRANSFERRED";
    public static final String CANCELLED = "CANCELLED";
    public static final String MEMBER_INVITED = "MEMBER_INVITED";
    public static final String MEMBER_ADDED = "MEMBER_ADDED";
    public static final String MEMBER_REMOVED = "MEMBER_REMOVED";
    public static final String ROLE_GRANTED = "ROLE_GRANTED";
    public static final String ROLE_WITHDRAWN = "ROLE_WITHDRAWN";
    public static final String REMOVED = "REMOVED";
    /** An inconsistency between EstateHub and Keycloak repaired (POST /identity/consistency/repairs). */
    public static final String REPAIRED = "REPAIRED";

    private AuditActions() {
    }
}
