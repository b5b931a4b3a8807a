package org.estatehub.common.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

import org.estatehub.common.problem.ProblemException;

/**
 * A request body read no further than `max` bytes: the read that crosses the limit throws the operation's
 * 413 problem (made by `tooLarge` from the limit), so a body sent without Content-Length (chunked) is
 * refused as soon as it is too large rather than after it has been read whole. A declared Content-Length
 * over the limit is refused before the body is read (PayloadLimits).
 */
public final class BodySizeLimit extends FilterInputStream {

    private final long max;
    private final LongFunction<ProblemException> tooLarge;
    private long read;
    private ProblemException refusal;

    public BodySizeLimit(InputStream in, long max, LongFunction<ProblemException> tooLarge) {
        super(in);
        this.max = max;
        this.tooLarge = tooLarge;
    }

    /** The problem thrown when the limit was crossed, for readers (Jackson) that wrap what a stream throws. */
    public ProblemException refusal() {
        return refusal;
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
            refusal = tooLarge.apply(max);
            throw refusal;
        }
    }
}
