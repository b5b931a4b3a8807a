package org.estatehub.common.http;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.vertx.ext.web.Router;

/**
 * Test-only failures (src/test) for StandardHeadersTest: an operation that fails unexpectedly (a 500
 * problem from the JAX-RS mappers) and a Vert.x route that fails (answered by Quarkus' own error handler,
 * outside JAX-RS).
 */
public final class FailureProbes {

    private FailureProbes() {
    }

    @Path("/test-support/failure")
    @PermitAll
    public static class FailingResource {
        @GET
        public String fail() {
            throw new IllegalStateException("deliberate test failure");
        }
    }

    @ApplicationScoped
    public static class FailingRoute {
        void register(@Observes Router router) {
            router.get("/test-support/route-failure").handler(rc -> rc.fail(503));
        }
    }
}
