package org.estatehub.funding.service;

import static org.estatehub.funding.BidStatus.DECIDED;
import static org.estatehub.funding.BidStatus.DRAFT;
import static org.estatehub.funding.BidStatus.SIGNED_OFF;
import static org.estatehub.funding.BidStatus.SUBMITTED;

import java.util.Set;

import org.estatehub.common.lifecycle.Transitions;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.funding.BidStatus;

/** The bid life cycle: DRAFT → SIGNED_OFF (S.151) → SUBMITTED (round open) → DECIDED (awards made). */
public final class BidLifecycle {

    private static final Transitions<BidStatus> TABLE = Transitions.of("bid", BidStatus.class)
            .from(DRAFT, SIGNED_OFF)
            .from(SIGNED_OFF, SUBMITTED)
            .from(SUBMITTED, DECIDED)
            .from(DECIDED)
            .build();

    private BidLifecycle() {
    }

    public static boolean allowed(BidStatus from, BidStatus to) {
        return TABLE.allows(from, to);
    }

    public static Set<BidStatus> next(BidStatus from) {
        return TABLE.next(from);
    }

    public static void require(BidStatus from, BidStatus to) {
        TABLE.require(from, to);
    }

    /** Only a draft's title and lines may be revised: once signed off, the S.151 officer's sign-off covers them. */
    public static void requireRevisable(BidStatus status) {
        if (status != DRAFT) {
            throw ProblemException.conflict("The bid is " + status + "; only a " + DRAFT + " bid can be revised.");
        }
    }
}
