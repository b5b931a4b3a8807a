package org.estatehub.funding.service;

import static org.estatehub.funding.ClaimStatus.APPROVED;
import static org.estatehub.funding.ClaimStatus.REJECTED;
import static org.estatehub.funding.ClaimStatus.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.funding.ClaimStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every pair of claim statuses: a claim is decided once, either way. */
@Tag("fast")
class ClaimLifecycleTableTest {

    private static final Map<ClaimStatus, Set<ClaimStatus>> EXPECTED = Map.of(
            SUBMITTED, EnumSet.of(APPROVED, REJECTED),
            APPROVED, EnumSet.noneOf(ClaimStatus.class),
            REJECTED, EnumSet.noneOf(ClaimStatus.class));

    @Test
    void everyPair() {
        int allowed = 0;
        for (ClaimStatus from : ClaimStatus.values()) {
            for (ClaimStatus to : ClaimStatus.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertEquals(expected, ClaimLifecycle.allowed(from, to), from + " → " + to);
                if (expected) {
                    assertDoesNotThrow(() -> ClaimLifecycle.require(from, to));
                    allowed++;
                } else {
                    ProblemException e = assertThrows(ProblemException.class, () -> ClaimLifecycle.require(from, to));
                    assertEquals(409, e.status());
                    assertEquals("conflict", e.type());
                }
            }
            assertEquals(EXPECTED.get(from), ClaimLifecycle.next(from));
        }
        assertEquals(2, allowed);
    }
}
