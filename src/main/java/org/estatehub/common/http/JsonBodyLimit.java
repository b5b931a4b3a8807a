package org.estatehub.common.http;

import java.io.IOException;

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
 * before reading. The import's CSV file has its own, larger limit (asset/csv/ImportSpool).
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
        BodySizeLimit limited = new BodySizeLimit(context.getInputStream(), maxJsonBytes.asLongValue(),
                max -> new ProblemException(413, "payload-too-large", "Payload too large", "The request body is larger"
                        + " than the " + max + " bytes this operation accepts (README \"Limits\"). Nothing was saved.")
                        .header("Connection", "close"));
        context.setInputStream(limited);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // Jackson reports a failing stream as a mapping error of the field it was reading: say what it is.
            if (limited.refusal() != null) {
                throw limited.refusal();
            }
            throw e;
        }
    }
}
