package org.estatehub.common.sql;

import java.util.Locale;

/** Free-text search terms as ILIKE patterns, with the caller's `%`, `_` and `\` taken literally. */
public final class Like {

    private Like() {
    }

    public static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
