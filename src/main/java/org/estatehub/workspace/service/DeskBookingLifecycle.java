package org.estatehub.workspace.service;

import static org.estatehub.workspace.DeskBookingStatus.BOOKED;
import static org.estatehub.workspace.DeskBookingStatus.CANCELLED;

import java.util.Set;

import org.estatehub.common.lifecycle.Transitions;
import org.estatehub.workspace.DeskBookingStatus;

/** The desk booking life cycle: BOOKED → CANCELLED, and nothing after. */
public final class DeskBookingLifecycle {

    private static final Transitions<DeskBookingStatus> TABLE = Transitions.of("desk booking", DeskBookingStatus.class)
            .from(BOOKED, CANCELLED)
            .from(CANCELLED)
            .build();

    private DeskBookingLifecycle() {
    }

    public static boolean allowed(DeskBookingStatus from, DeskBookingStatus to) {
        return TABLE.allows(from, to);
    }

    public static Set<DeskBookingStatus> next(DeskBookingStatus from) {
        return TABLE.next(from);
    }

    public static void require(DeskBookingStatus from, DeskBookingStatus to) {
        TABLE.require(from, to);
    }
}
