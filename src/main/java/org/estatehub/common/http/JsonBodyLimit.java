package org.estatehub.common.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.estatehub.common.problem.ProblemException;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Cuts off a JSON body sent without Content-Length (chunked) as soon as it grows past
 * estatehub.http.max-json-bytes, with 413 problem+json; PayloadLimits refuses a declared length over it
 * before reading. The import's CSV file has its own, larger limit (AssetImporter).
 */
@Provider
public class JsonBodyLimit implements ReaderInterceptor {

    @ConfigProperty(name = "estatehub.http.max-json-bytes", defaultValue = "1M")
    MemorySize maxJsonBytes;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && "text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
            return context.proceed();
        }
        Limited limited = new Limited(context.getInputStream(), maxJsonBytes.asLongValue());
        context.setInputStream(limited);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // Jackson reports a failing stream as a mapping error of the field it was reading: say what it is.
            if (limited.tooLarge != null) {
                throw limited.tooLarge;
            }
            throw e;
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;
        private ProblemException tooLarge;

        Limited(InputStream in, long max) {
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
                tooLarge = new ProblemException(413, "payload-too-large", "Payload too large", "The request body is larger than the "
                        + max + " bytes this operation accepts (README \"Limits\"). Nothing was saved.")
                        .header("Connection", "close");
                throw tooLarge;
            }
        }
    }
}
