package org.estatehub.monitoring;

import java.time.LocalDate;

/** A calendar quarter such as 2026-Q3 (1 July to 30 September 2026). */
public record Quarter(String label, LocalDate start, LocalDate end) {

    public static Quarter parse(String label) {
        int year = Integer.parseInt(label.substring(0, 4));
        int q = label.charAt(6) - '0';
        LocalDate start = LocalDate.of(year, (q - 1) * 3 + 1, 1);
        return new Quarter(label, start, start.plusMonths(3).minusDays(1));
    }
}
