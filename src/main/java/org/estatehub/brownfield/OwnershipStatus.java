package org.estatehub.brownfield;

/** A brownfield site's ownership as the register states it (persisted by name). */
public enum OwnershipStatus {
    OWNED_BY_PUBLIC_AUTHORITY, NOT_OWNED_BY_PUBLIC_AUTHORITY, MIXED_OWNERSHIP, UNKNOWN_OWNERSHIP
}
