package org.estatehub.workspace.service;

import static org.estatehub.workspace.DeskBookingStatus.BOOKED;
import static org.estatehub.workspace.DeskBookingStatus.CANCELLED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.estatehub.common.problem.ProblemException;
import org.estatehub.testing.FastTest;
import org.estatehub.workspace.BookingSlot;
import org.estatehub.workspace.DeskBookingStatus;
import org.junit.jupiter.api.Test;

/** Every pair of desk booking statuses, the halves each slot holds, and the use report's working days. */
@FastTest
class DeskBookingLifecycleTableTest {

    private static final Map<DeskBookingStatus, Set<DeskBookingStatus>> EXPECTED = Map.of(
            BOOKED, EnumSet.of(CANCELLED),
            CANCELLED, EnumSet.noneOf(DeskBookingStatus.class));

    @Test
    void everyPair() {
        for (DeskBookingStatus from : DeskBookingStatus.values()) {
            for (DeskBookingStatus to : DeskBookingStatus.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertEquals(expected, DeskBookingLifecycle.allowed(from, to), from + " → " + to);
                if (expected) {
                    assertDoesNotThrow(() -> DeskBookingLifecycle.require(from, to));
                } else {
                    ProblemException refused = assertThrows(ProblemException.class, () -> DeskBookingLifecycle.require(from, to));
                    assertEquals(409, refused.status());
                }
            }
        }
    }

    @Test
    void aDayHoldsBothHalves() {
        assertEquals(true, BookingSlot.DAY.holdsMorning() && BookingSlot.DAY.holdsAfternoon());
        assertEquals(true, BookingSlot.AM.holdsMorning() && !BookingSlot.AM.holdsAfternoon());
        assertEquals(true, !BookingSlot.PM.holdsMorning() && BookingSlot.PM.holdsAfternoon());
        assertEquals(2, BookingSlot.DAY.halfDays());
        assertEquals(1, BookingSlot.PM.halfDays());
    }

    @Test
    void workingDaysAreMondayToFriday() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        assertEquals(5, WorkspaceUseReport.workingDays(monday, monday.plusDays(6)));
        assertEquals(0, WorkspaceUseReport.workingDays(monday.minusDays(2), monday.minusDays(1)));
        assertEquals(23, WorkspaceUseReport.workingDays(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
        assertEquals("33.33", WorkspaceUseReport.figures(3, 1).getUsePercent().toPlainString());
        assertEquals(null, WorkspaceUseReport.figures(0, 1).getUsePercent());
    }
}
