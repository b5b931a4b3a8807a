package org.estatehub.disposal.service;

import static org.estatehub.disposal.DisposalStatus.OFFERED;
import static org.estatehub.disposal.DisposalStatus.ON_OPEN_MARKET;
import static org.estatehub.disposal.DisposalStatus.SOLD;
import static org.estatehub.disposal.DisposalStatus.TRANSFERRED;
import static org.estatehub.disposal.DisposalStatus.TRANSFER_AGREED;
import static org.estatehub.disposal.DisposalStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.disposal.DisposalStatus;
import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/** Every pair of disposal statuses, against the table written out here rather than read from the code. */
@FastTest
class DisposalLifecycleTableTest {

    private static final Map<DisposalStatus, Set<DisposalStatus>> EXPECTED = Map.of(
            OFFERED, EnumSet.of(TRANSFER_AGREED, ON_OPEN_MARKET, WITHDRAWN),
            TRANSFER_AGREED, EnumSet.of(TRANSFERRED, WITHDRAWN),
            ON_OPEN_MARKET, EnumSet.of(SOLD, WITHDRAWN),
            TRANSFERRED, EnumSet.noneOf(DisposalStatus.class),
            SOLD, EnumSet.noneOf(DisposalStatus.class),
            WITHDRAWN, EnumSet.noneOf(DisposalStatus.class));

    @Test
    void everyPair() {
        int allowed = 0;
        for (DisposalStatus from : DisposalStatus.values()) {
            for (DisposalStatus to : DisposalStatus.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertEquals(expected, DisposalLifecycle.allowed(from, to), from + " → " + to);
                if (expected) {
                    assertDoesNotThrow(() -> DisposalLifecycle.require(from, to));
                    allowed++;
                } else {
                    ProblemException e = assertThrows(ProblemException.class, () -> DisposalLifecycle.require(from, to));
                    assertEquals(409, e.status());
                    assertEquals("conflict", e.type());
                    assertTrue(e.getMessage().startsWith("A disposal that is " + from), e.getMessage());
                }
            }
            assertEquals(EXPECTED.get(from), DisposalLifecycle.next(from));
        }
        assertEquals(7, allowed);
    }

    @Test
    void liveDisposalsCanBeWithdrawnAndTheOthersNeverChange() {
        assertEquals(EnumSet.of(OFFERED, TRANSFER_AGREED, ON_OPEN_MARKET), DisposalLifecycle.live());
        for (DisposalStatus status : DisposalStatus.values()) {
            assertEquals(DisposalLifecycle.live().contains(status), DisposalLifecycle.allowed(status, WITHDRAWN),
                    status + " withdrawable");
        }
    }

    @Test
    void aTransferCompletesAsTransferredAndASaleAsSold() {
        assertEquals(TRANSFERRED, DisposalLifecycle.completionOf(TRANSFER_AGREED));
        assertEquals(SOLD, DisposalLifecycle.completionOf(ON_OPEN_MARKET));
        for (DisposalStatus other : EnumSet.of(OFFERED, TRANSFERRED, SOLD, WITHDRAWN)) {
            assertNull(DisposalLifecycle.completionOf(other), other + " has no completion");
        }
    }
}
