package org.estatehub.asset.csv;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits every file import (asset register, brownfield land register) works within, read once for both
 * (application.properties: estatehub.import.*). The file's size is PayloadLimits' and ImportSpool's.
 */
@ApplicationScoped
public class ImportLimits {

    /** Data rows a file may hold (the header not counted); one more is a 413. */
    @ConfigProperty(name = "estatehub.import.max-rows", defaultValue = "100000")
    int maxRows;

    /** Characters a row may hold (RowLengthLimit): a row without an end is a 413, not a heap full of one cell. */
    @ConfigProperty(name = "estatehub.import.max-row-chars", defaultValue = "1048576")
    int maxRowChars;

    /** Errors (and warnings) an answer lists; the rest are counted. */
    @ConfigProperty(name = "estatehub.import.max-reported-errors", defaultValue = "1000")
    int maxReportedErrors;

    public int maxRows() {
        return maxRows;
    }

    public int maxRowChars() {
        return maxRowChars;
    }

    public int maxReportedErrors() {
        return maxReportedErrors;
    }
}
