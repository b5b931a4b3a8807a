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

    /**
     * Seconds an asset import's transaction may last (AssetImporter): past it the import is rolled back and
     * answered 503. Raised by the operator for files above the default row limit (bench/import.sh does).
     */
    @ConfigProperty(name = TRANSACTION_TIMEOUT, defaultValue = "300")
    int transactionTimeoutSeconds;

    /**
     * The share of the register, after the import, that an import must create for AssetImporter to drop the
     * asset table's secondary indexes and build them again rather than add each row to them (bench/README.md
     * "Import": building is about four times cheaper per row than inserting, so it pays from about a
     * quarter). 1 or more: never.
     */
    @ConfigProperty(name = "estatehub.import.index-rebuild-share", defaultValue = "0.25")
    double indexRebuildShare;

    public static final String TRANSACTION_TIMEOUT = "estatehub.import.transaction-timeout";

    public int maxRows() {
        return maxRows;
    }

    public int maxRowChars() {
        return maxRowChars;
    }

    public int maxReportedErrors() {
        return maxReportedErrors;
    }

    public int transactionTimeoutSeconds() {
        return transactionTimeoutSeconds;
    }

    public double indexRebuildShare() {
        return indexRebuildShare;
    }
}
