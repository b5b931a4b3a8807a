package org.estatehub.common.time;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK public-sector financial year, 1 April to 31 March, written as OPE and the house-building statistics
 * write it: `2025-26` is 1 April 2025 to 31 March 2026.
 *
 * @param startYear the calendar year in which it begins
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    private static final Pattern LABEL = Pattern.compile("([0-9]{4})-([0-9]{2})");

    /** The year `label` names, or empty when it is not of the form `2025-26` with consecutive years. */
    public static Optional<FinancialYear> parse(String label) {
        Matcher m = label == null ? null : LABEL.matcher(label);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(m.group(1));
        if (Integer.parseInt(m.group(2)) != (start + 1) % 100) {
            return Optional.empty();
        }
        return Optional.of(new FinancialYear(start));
    }

    /** The financial year `day` falls in. */
    public static FinancialYear of(LocalDate day) {
        return new FinancialYear(day.getMonthValue() < Month.APRIL.getValue() ? day.getYear() - 1 : day.getYear());
    }

    public LocalDate start() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    public LocalDate end() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    public String label() {
        return String.format("%04d-%02d", startYear, (startYear + 1) % 100);
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return label();
    }
}
