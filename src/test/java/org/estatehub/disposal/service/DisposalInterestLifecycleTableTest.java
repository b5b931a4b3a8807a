package org.estatehub.disposal.service;

import static org.estatehub.disposal.InterestStatus.ACCEPTED;
import static org.estatehub.disposal.InterestStatus.DECLINED;
import static org.estatehub.disposal.InterestStatus.REGISTERED;
import static org.estatehub.disposal.InterestStatus.SHORTLISTED;
import static org.estatehub.disposal.InterestStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.disposal.InterestStatus;
import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/** Every pair of expression-of-interest statuses, against the table written out here. */
@FastTest
class DisposalInterestLifecycleTableTest {

    private static final Map<InterestStatus, Set<InterestStatus>> EXPECTED = Map.of(
            REGISTERED, EnumSet.of(SHORTLISTED, ACCEPTED, DECLINED, WITHDRAWN),
            SHORTLISTED, EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN),
            // An agreement is only undone by the owner withdrawing the disposal; its author cannot walk away.
            ACCEPTED, EnumSet.of(DECLINED),
            DECLINED, EnumSet.noneOf(InterestStatus.class),
            WITHDRAWN, EnumSet.noneOf(InterestStatus.class));

    @Test
    void everyPair() {
        int allowed = 0;
        for (InterestStatus from : InterestStatus.values()) {
            for (InterestStatus to : InterestStatus.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertEquals(expected, DisposalInterestLifecycle.allowed(from, to), from + " → " + to);
                if (expected) {
                    assertDoesNotThrow(() -> DisposalInterestLifecycle.require(from, to));
                    allowed++;
                } else {
                    ProblemException e = assertThrows(ProblemException.class,
                            () -> DisposalInterestLifecycle.require(from, to));
                    assertEquals(409, e.status());
                    assertTrue(e.getMessage().startsWith("An expression of interest that is " + from), e.getMessage());
                }
            }
            assertEquals(EXPECTED.get(from), DisposalInterestLifecycle.next(from));
        }
        assertEquals(8, allowed);
    }

    @Test
    void liveAndOpenInterests() {
        assertEquals(EnumSet.of(REGISTERED, SHORTLISTED, ACCEPTED), DisposalInterestLifecycle.live());
        assertEquals(EnumSet.of(REGISTERED, SHORTLISTED), DisposalInterestLifecycle.open());
        for (InterestStatus open : DisposalInterestLifecycle.open()) {
            assertTrue(DisposalInterestLifecycle.allowed(open, ACCEPTED), open + " can be accepted");
        }
    }
}
