package org.estatehub.common.http;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is a sensible token, otherwise a
 * new UUID. The id is in the MDC (key {@code requestId}) for every log line written while handling the
 * request, so JSON logs of one request can be found together, and it is echoed in the response header
 * so a caller can quote it. Registered on the Vert.x router, so it covers /q/* and errors too.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Anything else (log injection, huge values) is replaced rather than trusted. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String id = accept(rc.request().getHeader(HEADER));
            MDC.put(MDC_KEY, id);
            rc.response().putHeader(HEADER, id);
            rc.addEndHandler(done -> MDC.remove(MDC_KEY));
            rc.next();
        });
    }

    static String accept(String given) {
        if (given != null && ACCEPTABLE.matcher(given).matches()) {
            return given;
        }
        return UUID.randomUUID().toString();
    }
}
