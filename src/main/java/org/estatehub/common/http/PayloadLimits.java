package org.estatehub.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.estatehub.common.problem.Problems;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * A body declared larger than quarkus.http.limits.max-body-size is refused before it is read, as
 * application/problem+json like every other error (Quarkus' own check answers 413 with an empty body).
 * A chunked body without Content-Length that grows past the limit is still cut off by Quarkus, with its
 * bare 413.
 */
@ApplicationScoped
public class PayloadLimits {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        long max = maxBodySize.asLongValue();
        // Right after RequestIds (Integer.MIN_VALUE), before Quarkus' own body-size check.
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared <= max) {
                rc.next();
                return;
            }
            String problem = new JsonObject()
                    .put("type", "https://estatehub.example/problems/payload-too-large")
                    .put("title", "Payload too large")
                    .put("status", 413)
                    .put("detail", "The request body (" + declared + " bytes) is larger than the "
                            + max + " bytes this service accepts.")
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
