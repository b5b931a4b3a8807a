package org.estatehub.mou.service;

import static org.estatehub.mou.MouStatus.DRAFT;
import static org.estatehub.mou.MouStatus.ISSUED;
import static org.estatehub.mou.MouStatus.SIGNED;
import static org.estatehub.mou.MouStatus.TERMINATED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.mou.MouStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every pair of stored MOU statuses (EXPIRED is a date, not a status, so it is not in the table). */
@Tag("fast")
class MouLifecycleTableTest {

    private static final Map<MouStatus, Set<MouStatus>> EXPECTED = Map.of(
            DRAFT, EnumSet.of(ISSUED, TERMINATED),
            ISSUED, EnumSet.of(SIGNED, TERMINATED),
            SIGNED, EnumSet.of(TERMINATED),
            TERMINATED, EnumSet.noneOf(MouStatus.class));

    @Test
    void everyPair() {
        int allowed = 0;
        for (MouStatus from : MouStatus.values()) {
            for (MouStatus to : MouStatus.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertEquals(expected, MouLifecycle.allowed(from, to), from + " → " + to);
                if (expected) {
                    assertDoesNotThrow(() -> MouLifecycle.require(from, to));
                    allowed++;
                } else {
                    ProblemException e = assertThrows(ProblemException.class, () -> MouLifecycle.require(from, to));
                    assertEquals(409, e.status());
                    assertEquals("conflict", e.type());
                    assertTrue(e.getMessage().startsWith("An MOU that is " + from), e.getMessage());
                }
            }
            assertEquals(EXPECTED.get(from), MouLifecycle.next(from));
        }
        assertEquals(5, allowed);
    }

    @Test
    void liveMousAreThoseNotTerminated() {
        assertEquals(EnumSet.of(DRAFT, ISSUED, SIGNED), MouLifecycle.live());
        for (MouStatus live : MouLifecycle.live()) {
            assertTrue(MouLifecycle.allowed(live, TERMINATED), live + " can be terminated");
        }
    }
}
