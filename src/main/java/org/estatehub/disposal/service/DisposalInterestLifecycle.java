package org.estatehub.disposal.service;

import static org.estatehub.disposal.InterestStatus.ACCEPTED;
import static org.estatehub.disposal.InterestStatus.DECLINED;
import static org.estatehub.disposal.InterestStatus.REGISTERED;
import static org.estatehub.disposal.InterestStatus.SHORTLISTED;
import static org.estatehub.disposal.InterestStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;

import org.estatehub.common.lifecycle.Transitions;
import org.estatehub.disposal.InterestStatus;

/**
 * The expression of interest life cycle: REGISTERED → SHORTLISTED; a live one is ACCEPTED (the transfer is
 * agreed with its partner), DECLINED by the owner (or because another was accepted, the site was released
 * or the disposal withdrawn) or WITHDRAWN by its author. An ACCEPTED one is only DECLINED, when the
 * disposal is withdrawn before the transfer completes: its author cannot walk away from an agreement alone.
 */
public final class DisposalInterestLifecycle {

    private static final Transitions<InterestStatus> TABLE = Transitions.of("expression of interest", InterestStatus.class)
            .from(REGISTERED, SHORTLISTED, ACCEPTED, DECLINED, WITHDRAWN)
            .from(SHORTLISTED, ACCEPTED, DECLINED, WITHDRAWN)
            .from(ACCEPTED, DECLINED)
            .from(DECLINED)
            .from(WITHDRAWN)
            .build();

    private DisposalInterestLifecycle() {
    }

    public static boolean allowed(InterestStatus from, InterestStatus to) {
        return TABLE.allows(from, to);
    }

    public static Set<InterestStatus> next(InterestStatus from) {
        return TABLE.next(from);
    }

    public static void require(InterestStatus from, InterestStatus to) {
        TABLE.require(from, to);
    }

    /** A partner has at most one live interest per disposal (index disposal_interest_live_partner). */
    public static Set<InterestStatus> live() {
        return EnumSet.of(REGISTERED, SHORTLISTED, ACCEPTED);
    }

    /** Interests still waiting for the owner's decision. */
    public static Set<InterestStatus> open() {
        return EnumSet.of(REGISTERED, SHORTLISTED);
    }
}
