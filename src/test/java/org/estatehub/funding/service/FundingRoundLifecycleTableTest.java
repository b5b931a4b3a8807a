package org.estatehub.funding.service;

import static org.estatehub.funding.FundingRoundStatus.CLOSED;
import static org.estatehub.funding.FundingRoundStatus.DECIDED;
import static org.estatehub.funding.FundingRoundStatus.OPEN;
import static org.estatehub.funding.FundingRoundStatus.PLANNED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.funding.FundingRoundStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every pair of round statuses, against a table written out independently of the declaration order. */
@Tag("fast")
class FundingRoundLifecycleTableTest {

    private static final Map<FundingRoundStatus, Set<FundingRoundStatus>> EXPECTED = Map.of(
            PLANNED, EnumSet.of(OPEN, CLOSED, DECIDED),
            OPEN, EnumSet.of(CLOSED, DECIDED),
            CLOSED, EnumSet.of(DECIDED),
            DECIDED, EnumSet.noneOf(FundingRoundStatus.class));

    @Test
    void everyPair() {
        int allowed = 0;
        for (FundingRoundStatus from : FundingRoundStatus.values()) {
            for (FundingRoundStatus to : FundingRoundStatus.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertEquals(expected, FundingRoundLifecycle.allowed(from, to), from + " → " + to);
                if (from == to) {
                    // Editing a round without changing its status is no transition.
                    assertDoesNotThrow(() -> FundingRoundLifecycle.requireChange(from, to));
                } else if (expected) {
                    assertDoesNotThrow(() -> FundingRoundLifecycle.requireChange(from, to));
                    allowed++;
                } else {
                    ProblemException refused = assertThrows(ProblemException.class,
                            () -> FundingRoundLifecycle.requireChange(from, to), from + " → " + to);
                    assertEquals(409, refused.status());
                    assertEquals("conflict", refused.type());
                }
            }
            assertEquals(EXPECTED.get(from), FundingRoundLifecycle.next(from));
        }
        assertEquals(6, allowed);
    }

    @Test
    void newRoundsArePlannedOrOpenAndTakeDraftsUntilClosed() {
        assertEquals(EnumSet.of(PLANNED, OPEN), EnumSet.copyOf(
                EnumSet.allOf(FundingRoundStatus.class).stream().filter(FundingRoundLifecycle::initial).toList()));
        assertEquals(EnumSet.of(PLANNED, OPEN), EnumSet.copyOf(
                EnumSet.allOf(FundingRoundStatus.class).stream().filter(FundingRoundLifecycle::takesDrafts).toList()));
    }
}
