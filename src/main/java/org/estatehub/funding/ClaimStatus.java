package org.estatehub.funding;

/** A claim's stored status (column claim.status holds these names); transitions: ClaimLifecycle. */
public enum ClaimStatus {
    SUBMITTED, APPROVED, REJECTED
}
