package org.estatehub.disposal.service;

import static org.estatehub.disposal.DisposalStatus.OFFERED;
import static org.estatehub.disposal.DisposalStatus.ON_OPEN_MARKET;
import static org.estatehub.disposal.DisposalStatus.SOLD;
import static org.estatehub.disposal.DisposalStatus.TRANSFERRED;
import static org.estatehub.disposal.DisposalStatus.TRANSFER_AGREED;
import static org.estatehub.disposal.DisposalStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;

import org.estatehub.common.lifecycle.Transitions;
import org.estatehub.disposal.DisposalStatus;

/**
 * The disposal life cycle: OFFERED (first refusal) → TRANSFER_AGREED → TRANSFERRED, or OFFERED → ON_OPEN_MARKET
 * (once the window has closed with no agreement) → SOLD; any live disposal → WITHDRAWN. Completed and
 * withdrawn disposals never change again (a withdrawn asset is declared afresh).
 */
public final class DisposalLifecycle {

    private static final Transitions<DisposalStatus> TABLE = Transitions.of("disposal", DisposalStatus.class)
            .from(OFFERED, TRANSFER_AGREED, ON_OPEN_MARKET, WITHDRAWN)
            .from(TRANSFER_AGREED, TRANSFERRED, WITHDRAWN)
            .from(ON_OPEN_MARKET, SOLD, WITHDRAWN)
            .from(TRANSFERRED)
            .from(SOLD)
            .from(WITHDRAWN)
            .build();

    private DisposalLifecycle() {
    }

    public static boolean allowed(DisposalStatus from, DisposalStatus to) {
        return TABLE.allows(from, to);
    }

    public static Set<DisposalStatus> next(DisposalStatus from) {
        return TABLE.next(from);
    }

    public static void require(DisposalStatus from, DisposalStatus to) {
        TABLE.require(from, to);
    }

    /** An asset has at most one live disposal (the partial unique index disposal_live_asset says the same). */
    public static Set<DisposalStatus> live() {
        return EnumSet.of(OFFERED, TRANSFER_AGREED, ON_OPEN_MARKET);
    }

    /** What a completion leads to from `from`: a transfer completes as TRANSFERRED, a sale as SOLD. */
    public static DisposalStatus completionOf(DisposalStatus from) {
        return switch (from) {
            case TRANSFER_AGREED -> TRANSFERRED;
            case ON_OPEN_MARKET -> SOLD;
            case OFFERED, TRANSFERRED, SOLD, WITHDRAWN -> null;
        };
    }
}
