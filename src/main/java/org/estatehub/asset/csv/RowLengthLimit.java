package org.estatehub.asset.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses a row longer than `max` characters (413) before the CSV parser has built it in memory: one
 * unterminated quote would otherwise make the rest of a 64 MB file a single cell. Counts the characters
 * the parser has taken since the last row ended (give or take its read-ahead buffer of a few kB).
 */
public final class RowLengthLimit extends FilterReader {

    private final int max;
    private long sinceRow;
    private int rowsEnded;

    public RowLengthLimit(Reader in, int max) {
        super(in);
        this.max = max;
    }

    /** The parser has returned a row. */
    public void rowEnded() {
        sinceRow = 0;
        rowsEnded++;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        sinceRow += n;
        if (sinceRow > max) {
            throw AssetImporter.tooLarge("Row " + (rowsEnded + 1) + " of the file (counting the header) is longer than "
                    + max + " characters; is a quote left open? Nothing was saved.");
        }
    }
}
