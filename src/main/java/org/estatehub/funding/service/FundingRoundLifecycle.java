package org.estatehub.funding.service;

import static org.estatehub.funding.FundingRoundStatus.CLOSED;
import static org.estatehub.funding.FundingRoundStatus.DECIDED;
import static org.estatehub.funding.FundingRoundStatus.OPEN;
import static org.estatehub.funding.FundingRoundStatus.PLANNED;

import java.util.Set;

import org.estatehub.common.lifecycle.Transitions;
import org.estatehub.funding.FundingRoundStatus;

/** The funding round life cycle: the only place that says which status may follow which. Rounds only move forward. */
public final class FundingRoundLifecycle {

    private static final Transitions<FundingRoundStatus> TABLE = Transitions.of("funding round", FundingRoundStatus.class)
            .from(PLANNED, OPEN, CLOSED, DECIDED)
            .from(OPEN, CLOSED, DECIDED)
            .from(CLOSED, DECIDED)
            .from(DECIDED)
            .build();

    private FundingRoundLifecycle() {
    }

    public static boolean allowed(FundingRoundStatus from, FundingRoundStatus to) {
        return TABLE.allows(from, to);
    }

    public static Set<FundingRoundStatus> next(FundingRoundStatus from) {
        return TABLE.next(from);
    }

    /** An edit that keeps the status is no transition; any other change must be in the table. */
    public static void requireChange(FundingRoundStatus from, FundingRoundStatus to) {
        if (from != to) {
            TABLE.require(from, to);
        }
    }

    /** Statuses a new round may start at. */
    public static boolean initial(FundingRoundStatus status) {
        return status == PLANNED || status == OPEN;
    }

    /** Bids are drafted for rounds that have not closed yet. */
    public static boolean takesDrafts(FundingRoundStatus status) {
        return status == PLANNED || status == OPEN;
    }
}
