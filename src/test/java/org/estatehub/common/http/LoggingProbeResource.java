package org.estatehub.common.http;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

/** Test-only endpoint (src/test): writes one log line while handling a request, on a worker thread. */
@Path("/test-support/log")
@PermitAll
public class LoggingProbeResource {

    static final String LOGGER = "org.estatehub.testsupport.probe";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String log() {
        LOG.info("probe request handled");
        return "logged";
    }
}
