package org.estatehub.funding.service;

import static org.estatehub.funding.ClaimStatus.APPROVED;
import static org.estatehub.funding.ClaimStatus.REJECTED;
import static org.estatehub.funding.ClaimStatus.SUBMITTED;

import java.util.Set;

import org.estatehub.common.lifecycle.Transitions;
import org.estatehub.funding.ClaimStatus;

/** The claim life cycle: a SUBMITTED claim is decided once, APPROVED (money released) or REJECTED. */
public final class ClaimLifecycle {

    private static final Transitions<ClaimStatus> TABLE = Transitions.of("claim", ClaimStatus.class)
            .from(SUBMITTED, APPROVED, REJECTED)
            .from(APPROVED)
            .from(REJECTED)
            .build();

    private ClaimLifecycle() {
    }

    public static boolean allowed(ClaimStatus from, ClaimStatus to) {
        return TABLE.allows(from, to);
    }

    public static Set<ClaimStatus> next(ClaimStatus from) {
        return TABLE.next(from);
    }

    public static void require(ClaimStatus from, ClaimStatus to) {
        TABLE.require(from, to);
    }
}
