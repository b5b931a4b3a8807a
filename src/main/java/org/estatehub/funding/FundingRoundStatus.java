package org.estatehub.funding;

/**
 * A funding round's stored status (column funding_round.status holds these names). Which may follow
 * which is FundingRoundLifecycle's table, never this declaration order.
 */
public enum FundingRoundStatus {
    PLANNED, OPEN, CLOSED, DECIDED
}
