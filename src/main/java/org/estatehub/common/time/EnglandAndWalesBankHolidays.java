package org.estatehub.common.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bank holidays of England and Wales, computed from their rules (Banking and Financial Dealings Act 1971
 * and the royal proclamations that add to it) rather than read from a list of years, so that a window of
 * working days declared in any year is counted right without anyone updating a table.
 *
 * <p>The rules, each year:
 * <ul>
 * <li>New Year's Day, 1 January;</li>
 * <li>Good Friday and Easter Monday, from Easter Sunday (Gregorian computus);</li>
 * <li>the early May bank holiday, the first Monday in May;</li>
 * <li>the spring bank holiday, the last Monday in May;</li>
 * <li>the summer bank holiday, the last Monday in August;</li>
 * <li>Christmas Day and Boxing Day, 25 and 26 December.</li>
 * </ul>
 * A holiday that falls on a Saturday or Sunday gives a substitute day: the next weekday that is not already a
 * holiday (so Christmas on a Saturday gives Monday 27 and Boxing Day Tuesday 28; Christmas on a Sunday leaves
 * Boxing Day on Monday 26 and gives Tuesday 27 for Christmas).
 *
 * <p>Proclamations have also moved a holiday or added one for a royal or national event. Those cannot be
 * derived from a rule, so they are the one table here ({@link #PROCLAIMED}), each with its source event; a
 * future proclamation is added to it the day it is announced. Years before 1978 (the first early May bank
 * holiday) are refused rather than answered wrongly.
 */
public final class EnglandAndWalesBankHolidays {

    /** The first year the rules above describe completely. */
    public static final int FIRST_YEAR = 1978;

    /** A proclamation's change to one year: holidays it moved (from → to) and holidays it added. */
    private record Proclamation(String event, Map<LocalDate, LocalDate> moved, Set<LocalDate> added) {
    }

    private static final Map<Integer, Proclamation> PROCLAIMED = Map.of(
            1995, new Proclamation("50th anniversary of VE Day",
                    Map.of(LocalDate.of(1995, 5, 1), LocalDate.of(1995, 5, 8)), Set.of()),
            1999, new Proclamation("the millennium",
                    Map.of(), Set.of(LocalDate.of(1999, 12, 31))),
            2002, new Proclamation("Golden Jubilee of Elizabeth II",
                    Map.of(LocalDate.of(2002, 5, 27), LocalDate.of(2002, 6, 4)), Set.of(LocalDate.of(2002, 6, 3))),
            2011, new Proclamation("wedding of Prince William and Catherine Middleton",
                    Map.of(), Set.of(LocalDate.of(2011, 4, 29))),
            2012, new Proclamation("Diamond Jubilee of Elizabeth II",
                    Map.of(LocalDate.of(2012, 5, 28), LocalDate.of(2012, 6, 4)), Set.of(LocalDate.of(2012, 6, 5))),
            2020, new Proclamation("75th anniversary of VE Day",
                    Map.of(LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 8)), Set.of()),
            2022, new Proclamation("Platinum Jubilee and the state funeral of Elizabeth II",
                    Map.of(LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 2)),
                    Set.of(LocalDate.of(2022, 6, 3), LocalDate.of(2022, 9, 19))),
            2023, new Proclamation("coronation of Charles III",
                    Map.of(), Set.of(LocalDate.of(2023, 5, 8))));

    private static final Map<Integer, NavigableSet<LocalDate>> BY_YEAR = new ConcurrentHashMap<>();

    private EnglandAndWalesBankHolidays() {
    }

    /** Whether `date` is a bank holiday in England and Wales (substitute days included). */
    public static boolean isBankHoliday(LocalDate date) {
        return of(date.getYear()).contains(date);
    }

    /** The year's bank holidays in date order, substitute days in place of the weekend days they replace. */
    public static NavigableSet<LocalDate> of(int year) {
        if (year < FIRST_YEAR) {
            throw new IllegalArgumentException("Bank holidays are computed from " + FIRST_YEAR + " on, not for " + year + ".");
        }
        return BY_YEAR.computeIfAbsent(year, EnglandAndWalesBankHolidays::compute);
    }

    private static NavigableSet<LocalDate> compute(int year) {
        LocalDate easter = easterSunday(year);
        List<LocalDate> byRule = new ArrayList<>(List.of(
                LocalDate.of(year, Month.JANUARY, 1),
                easter.minusDays(2),
                easter.plusDays(1),
                LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)),
                LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
                LocalDate.of(year, Month.DECEMBER, 25),
                LocalDate.of(year, Month.DECEMBER, 26)));
        Proclamation proclamation = PROCLAIMED.get(year);
        if (proclamation != null) {
            byRule.replaceAll(day -> proclamation.moved().getOrDefault(day, day));
            byRule.addAll(proclamation.added());
        }
        byRule.sort(null);
        // Weekday holidays first, so a substitute day never lands on a day that is a holiday in its own right.
        NavigableSet<LocalDate> holidays = new TreeSet<>();
        for (LocalDate day : byRule) {
            if (!weekend(day)) {
                holidays.add(day);
            }
        }
        for (LocalDate day : byRule) {
            if (weekend(day)) {
                LocalDate substitute = day.plusDays(1);
                while (weekend(substitute) || holidays.contains(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                holidays.add(substitute);
            }
        }
        return java.util.Collections.unmodifiableNavigableSet(holidays);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
