package org.estatehub.funding;

/** A bid's stored status (column bid.status holds these names); transitions: BidLifecycle. */
public enum BidStatus {
    DRAFT, SIGNED_OFF, SUBMITTED, DECIDED
}
