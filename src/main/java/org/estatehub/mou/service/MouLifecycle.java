package org.estatehub.mou.service;

import static org.estatehub.mou.MouStatus.DRAFT;
import static org.estatehub.mou.MouStatus.ISSUED;
import static org.estatehub.mou.MouStatus.SIGNED;
import static org.estatehub.mou.MouStatus.TERMINATED;

import java.util.EnumSet;
import java.util.Set;

import org.estatehub.common.lifecycle.Transitions;
import org.estatehub.mou.MouStatus;

/** The MOU life cycle: DRAFT → ISSUED → SIGNED; any live MOU → TERMINATED. Expiry is a date, not a transition. */
public final class MouLifecycle {

    private static final Transitions<MouStatus> TABLE = Transitions.of("MOU", MouStatus.class)
            .from(DRAFT, ISSUED, TERMINATED)
            .from(ISSUED, SIGNED, TERMINATED)
            .from(SIGNED, TERMINATED)
            .from(TERMINATED)
            .build();

    private MouLifecycle() {
    }

    public static boolean allowed(MouStatus from, MouStatus to) {
        return TABLE.allows(from, to);
    }

    public static Set<MouStatus> next(MouStatus from) {
        return TABLE.next(from);
    }

    public static void require(MouStatus from, MouStatus to) {
        TABLE.require(from, to);
    }

    /** A partner has at most one live MOU (the database's partial unique index says the same). */
    public static Set<MouStatus> live() {
        return EnumSet.of(DRAFT, ISSUED, SIGNED);
    }
}
