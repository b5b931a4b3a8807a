package org.estatehub.common.time;

import java.time.LocalDate;

/**
 * Working days in England: Monday to Friday, less the bank holidays of England and Wales. This is how
 * public bodies count a period such as e-PIMS's first-refusal window of 40 working days.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        return !EnglandAndWalesBankHolidays.weekend(day) && !EnglandAndWalesBankHolidays.isBankHoliday(day);
    }

    /**
     * The last day of a period of `days` working days that starts the day after `from` (the day something is
     * declared does not count, as in "within 40 working days of the notice"). `days` must be positive.
     */
    public static LocalDate after(LocalDate from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("A period of working days must be at least one day, not " + days + ".");
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The working days after `from` up to and including `to` (0 when `to` is not after `from`). */
    public static int between(LocalDate from, LocalDate to) {
        int counted = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return counted;
    }
}
