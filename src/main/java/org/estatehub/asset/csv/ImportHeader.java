package org.estatehub.asset.csv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.estatehub.common.problem.ProblemException;

/**
 * The header line of an import file: which column each position is, and the header as the file spells it
 * (row errors and source columns name it so). A typed column whose header appears twice keeps its first
 * position as the one read; the later copies are checked against it row by row (ImportRowParser). A header
 * EstateHub does not know is a source column, however often it appears.
 */
final class ImportHeader {

    /** The columns naming the owner: every copy of each must name it. */
    static final Set<TransparencyColumns> ORGANISATION_COLUMNS = EnumSet.of(TransparencyColumns.ORGANISATION,
            TransparencyColumns.ORGANISATION_LABEL, TransparencyColumns.ORGANISATION_URI);

    /** EstateHub's own derived columns (written by its export for people): read by nothing, kept by nothing. */
    static final Set<TransparencyColumns> DERIVED = EnumSet.of(TransparencyColumns.LOCAL_AUTHORITY_NAME,
            TransparencyColumns.TENURE_CATEGORY);

    final Map<TransparencyColumns, Integer> columns;
    /** The header at each position, trimmed. */
    final String[] names;
    /** The column at each position, null for a header EstateHub does not know. */
    final TransparencyColumns[] typeAt;
    /** Whether the position is the one a typed column is read from (its first copy). */
    final boolean[] primary;

    private ImportHeader(Map<TransparencyColumns, Integer> columns, String[] names, TransparencyColumns[] typeAt,
            boolean[] primary) {
        this.columns = columns;
        this.names = names;
        this.typeAt = typeAt;
        this.primary = primary;
    }

    /** A header of EstateHub's canonical names, each column once at the given position (for unit tests). */
    static ImportHeader of(Map<TransparencyColumns, Integer> columns) {
        int size = columns.values().stream().mapToInt(i -> i + 1).max().orElse(0);
        String[] names = new String[size];
        TransparencyColumns[] typeAt = new TransparencyColumns[size];
        boolean[] primary = new boolean[size];
        columns.forEach((column, i) -> {
            names[i] = column.header();
            typeAt[i] = column;
            primary[i] = true;
        });
        for (int i = 0; i < size; i++) {
            if (names[i] == null) {
                names[i] = "Column " + (i + 1);
            }
        }
        return new ImportHeader(new EnumMap<>(columns), names, typeAt, primary);
    }

    /** Reads the header line; a file without the columns a row needs is refused whole (400). */
    static ImportHeader read(CSVRecord header) {
        int size = header.size();
        Map<TransparencyColumns, Integer> columns = new EnumMap<>(TransparencyColumns.class);
        String[] names = new String[size];
        TransparencyColumns[] typeAt = new TransparencyColumns[size];
        boolean[] primary = new boolean[size];
        for (int i = 0; i < size; i++) {
            names[i] = ImportText.clean(header.get(i));
            TransparencyColumns column = TransparencyColumns.match(names[i]);
            typeAt[i] = column;
            primary[i] = column != null && columns.putIfAbsent(column, i) == null;
        }
        List<String> missing = new ArrayList<>();
        // Some councils publish only a "Site Address" (Cheltenham's 2023 register): it then names the asset too.
        if (!columns.containsKey(TransparencyColumns.NAME) && !columns.containsKey(TransparencyColumns.ADDRESS)) {
            missing.add("PropertyName (or Name, or at least Site Address)");
        }
        if (!columns.containsKey(TransparencyColumns.UPRN) && !columns.containsKey(TransparencyColumns.ASSET_ID)
                && !columns.containsKey(TransparencyColumns.EPIMS)) {
            missing.add("UPRN, AssetCode (or Unique Asset ID) or e-PIMS Property Reference");
        }
        if (columns.containsKey(TransparencyColumns.X) != columns.containsKey(TransparencyColumns.Y)) {
            missing.add(columns.containsKey(TransparencyColumns.X) ? "GeoY (or Y co-ordinate), since GeoX is there"
                    : "GeoX (or X co-ordinate), since GeoY is there");
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("The header line lacks the columns " + String.join("; ", missing)
                    + ". See the README for the layouts the import reads.");
        }
        return new ImportHeader(columns, names, typeAt, primary);
    }

    int size() {
        return names.length;
    }

    /** The header the file gives the column (its first copy), or EstateHub's name when the file has none. */
    String name(TransparencyColumns column) {
        Integer index = columns.get(column);
        return index == null || index >= names.length ? column.header() : names[index];
    }
}
