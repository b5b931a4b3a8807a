package org.estatehub.brownfield.csv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.estatehub.api.model.FieldError;
import org.estatehub.common.problem.ProblemException;

/**
 * A register's header line: which layout it is in (the one more of its headers belong to), which column
 * each known header is, and the warnings about the rest. A header that is not a column of the layout
 * but within a few letters of one ("Hecatres", "SiteRefernce") is a misspelling the file's author must
 * fix: guessing would read the wrong data silently, and skipping it would lose the column. 400 naming the
 * column it probably is.
 */
final class BrownfieldHeader {

    final BrownfieldLayout layout;
    final Map<BrownfieldColumn, Integer> columns;
    final List<String> headers;
    final List<FieldError> warnings;

    private BrownfieldHeader(BrownfieldLayout layout, Map<BrownfieldColumn, Integer> columns, List<String> headers,
            List<FieldError> warnings) {
        this.layout = layout;
        this.columns = columns;
        this.headers = headers;
        this.warnings = warnings;
    }

    static BrownfieldHeader read(List<String> cells) {
        List<String> headers = cells.stream().map(BrownfieldHeader::clean).toList();
        BrownfieldLayout layout = score(headers, BrownfieldLayout.BROWNFIELD_2017)
                >= score(headers, BrownfieldLayout.PLANNING_DATA) ? BrownfieldLayout.BROWNFIELD_2017
                        : BrownfieldLayout.PLANNING_DATA;
        if (score(headers, layout) == 0) {
            throw ProblemException.badRequest("The header line names none of the columns of a brownfield land "
                    + "register, in the 2017 standard (OrganisationURI, SiteReference, SiteNameAddress, ...) or the "
                    + "planning-data layout (reference, name, site-address, ...). See the README for both.");
        }
        Map<BrownfieldColumn, Integer> columns = new EnumMap<>(BrownfieldColumn.class);
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> warnings = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (header.isEmpty()) {
                continue;
            }
            BrownfieldColumn column = BrownfieldColumn.match(layout, header);
            if (column != null) {
                Integer earlier = columns.putIfAbsent(column, i);
                if (earlier != null) {
                    errors.add(error(header, "column " + (i + 1) + " repeats column " + (earlier + 1) + " ('"
                            + headers.get(earlier) + "'); which one holds the data is not clear"));
                }
                continue;
            }
            BrownfieldColumn likely = closest(layout, header);
            if (likely != null) {
                errors.add(error(header, "column " + (i + 1) + " '" + header + "' is not a column of the "
                        + describe(layout) + "; it is probably '" + likely.header(layout) + "' (misspelt)"));
            } else {
                warnings.add(new FieldError().row(1).field(header).message("column " + (i + 1)
                        + " is not a column of the " + describe(layout) + "; its values are not read"));
            }
        }
        List<String> missing = new ArrayList<>();
        if (!columns.containsKey(BrownfieldColumn.SITE_REFERENCE)) {
            missing.add(BrownfieldColumn.SITE_REFERENCE.header(layout));
        }
        if (layout == BrownfieldLayout.BROWNFIELD_2017 && !columns.containsKey(BrownfieldColumn.SITE_NAME_ADDRESS)) {
            missing.add(BrownfieldColumn.SITE_NAME_ADDRESS.header(layout));
        }
        if (layout == BrownfieldLayout.PLANNING_DATA && !columns.containsKey(BrownfieldColumn.NAME)
                && !columns.containsKey(BrownfieldColumn.SITE_ADDRESS)) {
            missing.add("name or site-address");
        }
        boolean geoX = columns.containsKey(BrownfieldColumn.GEO_X);
        if (geoX != columns.containsKey(BrownfieldColumn.GEO_Y)) {
            missing.add(geoX ? "GeoY (there is a GeoX)" : "GeoX (there is a GeoY)");
        }
        for (String name : missing) {
            errors.add(error(name, "the header line lacks this column"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-header", "Invalid header line", "The header line (line 1) "
                    + "of this " + describe(layout) + " file has " + errors.size() + " problem"
                    + (errors.size() == 1 ? "" : "s") + "; nothing was saved. Correct it and send the file again.",
                    errors);
        }
        return new BrownfieldHeader(layout, columns, headers, warnings);
    }

    boolean has(BrownfieldColumn column) {
        return columns.containsKey(column);
    }

    /** The file's own header for a column it has. */
    String name(BrownfieldColumn column) {
        Integer i = columns.get(column);
        return i == null ? column.header(layout) : headers.get(i);
    }

    static String describe(BrownfieldLayout layout) {
        return layout == BrownfieldLayout.BROWNFIELD_2017 ? "2017 brownfield land register standard"
                : "planning-data brownfield-land layout";
    }

    private static FieldError error(String field, String message) {
        return new FieldError().row(1).field(field).message(message);
    }

    /** Trailing spaces, non-breaking spaces and a stray byte order mark are not part of a header. */
    private static String clean(String header) {
        return header == null ? "" : header.replace('\u00a0', ' ').replace("\uFEFF", "").replace("ï»¿", "").strip();
    }

    private static int score(List<String> headers, BrownfieldLayout layout) {
        return (int) headers.stream().filter(h -> !h.isEmpty() && BrownfieldColumn.match(layout, h) != null).count();
    }

    /** The layout's column whose name is within a few edits of the header, or null. */
    static BrownfieldColumn closest(BrownfieldLayout layout, String header) {
        String key = BrownfieldColumn.normalise(header);
        BrownfieldColumn best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (BrownfieldColumn column : BrownfieldColumn.values()) {
            for (String name : column.names(layout)) {
                int distance = distance(key, name);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = column;
                }
            }
        }
        // Two edits (a transposition is two) for short names, about one in four letters for long ones.
        int allowed = Math.max(2, key.length() / 4);
        return best != null && bestDistance > 0 && bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
