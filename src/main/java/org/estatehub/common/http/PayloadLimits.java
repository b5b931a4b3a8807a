package org.estatehub.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.estatehub.common.problem.Problems;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * A body declared larger than the operation accepts is refused before it is read, as
 * application/problem+json like every other error (Quarkus' own check answers 413 with an empty body):
 * an import file (assets, brownfield register) up to estatehub.import.max-bytes (64 MiB), every other (JSON) body up to
 * estatehub.http.max-json-bytes (1 MiB), so that a few concurrent large JSON bodies cannot fill the heap
 * (README "Limits"). A body without Content-Length is cut off as soon as it crosses the same limit, also
 * with problem+json: JsonBodyLimit for JSON, ImportSpool for the CSV file (both through BodySizeLimit).
 * quarkus.http.limits.max-body-size is only the backstop above both.
 */
@ApplicationScoped
public class PayloadLimits {

    /** The operations whose body is a (large) file: the asset register and brownfield register imports. */
    static final java.util.Set<String> IMPORT_PATHS = java.util.Set.of("/assets/import", "/brownfield-sites/import");

    @ConfigProperty(name = "estatehub.import.max-bytes", defaultValue = "64M")
    MemorySize maxImportBytes;

    @ConfigProperty(name = "estatehub.http.max-json-bytes", defaultValue = "1M")
    MemorySize maxJsonBytes;

    /**
     * An answer sent before the body was read to its end (a refused import: 401, 403, 429, 503, a 413 or a
     * 400 part-way through the file) leaves the rest of the body arriving. Left alone, Quarkus' blocking
     * input queues every later chunk in memory until the client stops: three refused 60 MB uploads ran
     * the 256 MB heap out of memory (bench/uploads.sh). The rest is read and dropped instead, and the
     * connection closed once more than `limit` bytes have been dropped.
     */
    static void discardUnreadBody(HttpServerRequest request, long limit) {
        if (request.isEnded()) {
            return;
        }
        long[] dropped = {0};
        request.exceptionHandler(e -> {
        });
        request.handler(buffer -> {
            dropped[0] += buffer.length();
            if (dropped[0] > limit) {
                request.connection().close();
            }
        });
        request.resume();
    }

    void register(@Observes Router router) {
        long maxImport = maxImportBytes.asLongValue();
        long maxJson = maxJsonBytes.asLongValue();
        // Right after RequestIds (Integer.MIN_VALUE), before Quarkus' own body-size check.
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            long max = IMPORT_PATHS.contains(rc.request().path()) ? maxImport : maxJson;
            if (declared <= max) {
                long backstop = Math.max(maxImport, maxJson);
                rc.addEndHandler(done -> discardUnreadBody(rc.request(), backstop));
                rc.next();
                return;
            }
            String problem = new JsonObject()
                    .put("type", "https://estatehub.example/problems/payload-too-large")
                    .put("title", "Payload too large")
                    .put("status", 413)
                    .put("detail", "The request body (" + declared + " bytes) is larger than the "
                            + max + " bytes this operation accepts (README \"Limits\"). Nothing was read or saved.")
                    .put("instance", rc.request().path())
                    .encode();
            // Then drop the connection rather than read the rest of the body (as Quarkus' own check does).
            rc.response().endHandler(done -> rc.request().connection().close());
            rc.response().setStatusCode(413)
                    .putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(problem);
        });
    }
}
