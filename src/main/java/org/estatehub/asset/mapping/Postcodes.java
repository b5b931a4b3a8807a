package org.estatehub.asset.mapping;

import java.util.Locale;
import java.util.regex.Pattern;

/** UK postcodes, stored upper-case with a single space before the inward code. */
public final class Postcodes {

    private static final Pattern VALID = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$");

    private Postcodes() {
    }

    /** Returns null for blank input; does not validate (see {@link #isValid}). */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String compact = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5) {
            return compact;
        }
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    public static boolean isValid(String normalised) {
        return normalised != null && VALID.matcher(normalised).matches();
    }
}
