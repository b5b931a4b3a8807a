package org.estatehub.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

@FastTest
class FinancialYearTest {

    @Test
    void aYearRunsFromAprilToMarchAndIsWrittenWithTheNextYearsLastTwoDigits() {
        FinancialYear year = FinancialYear.parse("2025-26").orElseThrow();
        assertEquals(LocalDate.of(2025, 4, 1), year.start());
        assertEquals(LocalDate.of(2026, 3, 31), year.end());
        assertEquals("2025-26", year.label());
        assertEquals("1999-00", FinancialYear.parse("1999-00").orElseThrow().label(), "across a century");
    }

    @Test
    void aDayFallsInTheYearThatBeganOnTheLastFirstOfApril() {
        assertEquals("2024-25", FinancialYear.of(LocalDate.of(2025, 3, 31)).label());
        assertEquals("2025-26", FinancialYear.of(LocalDate.of(2025, 4, 1)).label());
        assertEquals("2025-26", FinancialYear.of(LocalDate.of(2025, 12, 31)).label());
        assertEquals("2024-25", FinancialYear.of(LocalDate.of(2025, 1, 1)).label());
    }

    @Test
    void anythingElseIsNoYear() {
        for (String bad : new String[] {"2025-27", "2025-25", "2025", "25-26", "2025-2026", "2025/26", " 2025-26", "",
            "abcd-ef"}) {
            assertEquals(Optional.empty(), FinancialYear.parse(bad), bad);
        }
        assertTrue(FinancialYear.parse(null).isEmpty());
    }
}
