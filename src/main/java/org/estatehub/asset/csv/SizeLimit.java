package org.estatehub.asset.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload that is refused with 413 as soon as more than `max` bytes have arrived: a body sent without
 * Content-Length (chunked) is never read further than the limit. A declared Content-Length over the limit
 * is refused before the body is read (PayloadLimits).
 */
final class SizeLimit extends FilterInputStream {

    private final long max;
    private long read;

    SizeLimit(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > max) {
            throw AssetImporter.tooLarge("The file is larger than " + max
                    + " bytes, the most one import takes; split it into several files. Nothing was saved.");
        }
    }
}
