package org.estatehub.common.audit;

/** The actions recorded so far; features may add their own (the contract lists them as extensible). */
public final class AuditActions {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String DISPOSED = "DISPOSED";
    public static final String STAGE_CHANGED = "STAGE_CHANGED";

    private AuditActions() {
    }
}
