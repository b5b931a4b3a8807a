package org.estatehub.brownfield;

/** A brownfield site's planning status as the register states it (persisted by name). */
public enum PlanningStatus {
    PERMISSIONED, NOT_PERMISSIONED, PENDING_DECISION
}
