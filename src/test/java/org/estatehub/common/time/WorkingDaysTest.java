package org.estatehub.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The computed bank holidays against those GOV.UK published for England and Wales (www.gov.uk/bank-holidays,
 * 2019-2027), and working-day arithmetic around Easter, Christmas and substitute days.
 */
@FastTest
class WorkingDaysTest {

    /** The year's computed holidays are exactly `isoDates`, in order. */
    private static void assertHolidays(int year, String... isoDates) {
        assertEquals(java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList(),
                List.copyOf(EnglandAndWalesBankHolidays.of(year)), "bank holidays of " + year);
    }

    @Test
    void holidaysEqualThePublishedOnesIncludingProclamationsAndSubstitutes() {
        assertHolidays(2019, "2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27",
                "2019-08-26", "2019-12-25", "2019-12-26");
        // VE Day 75 moved the early May holiday to Friday 8 May; Boxing Day on a Saturday gave Monday 28.
        assertHolidays(2020, "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25",
                "2020-08-31", "2020-12-25", "2020-12-28");
        // Christmas on a Saturday and Boxing Day on a Sunday: Monday 27 and Tuesday 28.
        assertHolidays(2021, "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31",
                "2021-08-30", "2021-12-27", "2021-12-28");
        // New Year's Day on a Saturday; the Platinum Jubilee; the state funeral; Christmas on a Sunday.
        assertHolidays(2022, "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02",
                "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27");
        // New Year's Day on a Sunday; the coronation.
        assertHolidays(2023, "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08",
                "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26");
        assertHolidays(2024, "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27",
                "2024-08-26", "2024-12-25", "2024-12-26");
        assertHolidays(2025, "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26",
                "2025-08-25", "2025-12-25", "2025-12-26");
        assertHolidays(2026, "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25",
                "2026-08-31", "2026-12-25", "2026-12-28");
        assertHolidays(2027, "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31",
                "2027-08-30", "2027-12-27", "2027-12-28");
    }

    @ParameterizedTest
    @CsvSource({"2019, 2019-04-21", "2024, 2024-03-31", "2025, 2025-04-20", "2038, 2038-04-25", "2285, 2285-03-22",
            "2011, 2011-04-24", "2008, 2008-03-23"})
    void easterFollowsTheGregorianComputusIncludingItsEarliestAndLatestDates(int year, LocalDate easter) {
        assertEquals(easter, EnglandAndWalesBankHolidays.easterSunday(year));
    }

    @Test
    void aPeriodStartsTheDayAfterAndSkipsWeekendsEasterAndChristmasSubstitutes() {
        // Thursday before Good Friday 2026: Friday, the weekend and Easter Monday do not count.
        assertEquals(LocalDate.parse("2026-04-07"), WorkingDays.after(LocalDate.parse("2026-04-02"), 1));
        // Christmas 2026 is a Friday, Boxing Day a Saturday: its substitute is Monday 28.
        assertEquals(LocalDate.parse("2026-12-29"), WorkingDays.after(LocalDate.parse("2026-12-24"), 1));
        // Christmas 2021 on a Saturday: Monday 27 and Tuesday 28 are both substitutes.
        assertEquals(LocalDate.parse("2021-12-29"), WorkingDays.after(LocalDate.parse("2021-12-24"), 1));
        // e-PIMS's 40 working days with no holiday inside: eight whole weeks.
        assertEquals(LocalDate.parse("2026-03-02"), WorkingDays.after(LocalDate.parse("2026-01-05"), 40));
        // ... and across Easter 2026: two days later.
        assertEquals(LocalDate.parse("2026-04-29"), WorkingDays.after(LocalDate.parse("2026-03-02"), 40));
        // Declared on a Saturday: the period starts on Monday.
        assertEquals(LocalDate.parse("2026-01-09"), WorkingDays.after(LocalDate.parse("2026-01-03"), 5));
        // Across a year end: 2026-12-24 Thursday; 29, 30, 31 December; 1 January 2027 (a Friday) is a holiday.
        assertEquals(LocalDate.parse("2027-01-04"), WorkingDays.after(LocalDate.parse("2026-12-24"), 4));
    }

    @Test
    void betweenCountsWhatAfterAdvances() {
        for (LocalDate from = LocalDate.parse("2025-12-01"); from.isBefore(LocalDate.parse("2026-06-01")); from = from.plusDays(3)) {
            for (int n : new int[] {1, 7, 40}) {
                assertEquals(n, WorkingDays.between(from, WorkingDays.after(from, n)), from + " + " + n);
            }
        }
        assertEquals(0, WorkingDays.between(LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-03")));
    }

    @Test
    void refusesWhatTheRulesDoNotCover() {
        assertThrows(IllegalArgumentException.class, () -> EnglandAndWalesBankHolidays.of(1977));
        assertThrows(IllegalArgumentException.class, () -> WorkingDays.after(LocalDate.parse("2026-01-05"), 0));
        assertFalse(WorkingDays.isWorkingDay(LocalDate.parse("2026-08-31")));
        assertTrue(WorkingDays.isWorkingDay(LocalDate.parse("2026-09-01")));
    }
}
