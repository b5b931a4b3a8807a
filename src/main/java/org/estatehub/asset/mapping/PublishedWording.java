package org.estatehub.asset.mapping;

import java.util.List;
import java.util.Locale;

/**
 * The typed fields whose published wording an import keeps in {@code source_columns} when a register
 * words them other than EstateHub's canonical label ("Freehold\u00a0", "Occupied by local authority",
 * "Buildings"): the export writes that wording back in the field's column, and an API update that changes
 * the field drops it (it would describe the old value). A source column is recognised by its header,
 * compared like TransparencyColumns does (lower case, punctuation and spaces removed), so "Tenure Detail"
 * and "TenureDetail" are the same column.
 */
public enum PublishedWording {

    TENURE("tenure", "tenuretype"),
    OCCUPANCY("tenuredetail"),
    HOLDING("holdingtype", "holding");

    private final List<String> headers;

    PublishedWording(String... headers) {
        this.headers = List.of(headers);
    }

    /** The field a source column's header words, or null when it words none. */
    public static PublishedWording of(String header) {
        String key = normalise(header);
        for (PublishedWording wording : values()) {
            if (wording.headers.contains(key)) {
                return wording;
            }
        }
        return null;
    }

    public static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
