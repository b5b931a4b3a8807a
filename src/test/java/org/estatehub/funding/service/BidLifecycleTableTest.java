package org.estatehub.funding.service;

import static org.estatehub.funding.BidStatus.DECIDED;
import static org.estatehub.funding.BidStatus.DRAFT;
import static org.estatehub.funding.BidStatus.SIGNED_OFF;
import static org.estatehub.funding.BidStatus.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.funding.BidStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every pair of bid statuses: of the 16 pairs, the 3 forward steps are allowed. */
@Tag("fast")
class BidLifecycleTableTest {

    private static final Map<BidStatus, Set<BidStatus>> EXPECTED = Map.of(
            DRAFT, EnumSet.of(SIGNED_OFF),
            SIGNED_OFF, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(DECIDED),
            DECIDED, EnumSet.noneOf(BidStatus.class));

    @Test
    void everyPair() {
        int allowed = 0;
        int refused = 0;
        for (BidStatus from : BidStatus.values()) {
            for (BidStatus to : BidStatus.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertEquals(expected, BidLifecycle.allowed(from, to), from + " → " + to);
                if (expected) {
                    assertDoesNotThrow(() -> BidLifecycle.require(from, to));
                    allowed++;
                } else {
                    ProblemException e = assertThrows(ProblemException.class, () -> BidLifecycle.require(from, to));
                    assertEquals(409, e.status());
                    assertEquals("conflict", e.type());
                    assertTrue(e.getMessage().startsWith("A bid that is " + from + " cannot become " + to), e.getMessage());
                    refused++;
                }
            }
            assertEquals(EXPECTED.get(from), BidLifecycle.next(from));
        }
        assertEquals(3, allowed);
        assertEquals(16 - 3, refused);
    }

    @Test
    void onlyDraftsAreRevised() {
        for (BidStatus status : BidStatus.values()) {
            if (status == DRAFT) {
                assertDoesNotThrow(() -> BidLifecycle.requireRevisable(status));
            } else {
                assertEquals(409, assertThrows(ProblemException.class, () -> BidLifecycle.requireRevisable(status))
                        .status());
            }
        }
    }
}
