package org.estatehub.common.http;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Cross-origin access for browser apps (README "CORS"). Quarkus's own CORS filter answers preflights and
 * adds the Access-Control-* headers, for the exact origins in {@code quarkus.http.cors.origins}
 * ({@code ESTATEHUB_CORS_ORIGINS}). This runs before it and removes an {@code Origin} that is not listed,
 * so that the filter only ever sees listed origins. On its own the filter would answer any other origin
 * with a bare 403 that still carries Access-Control-Allow-Methods, -Allow-Headers and -Expose-Headers, and
 * would refuse real requests the API serves today (Swagger UI's own POSTs behind a proxy whose scheme it
 * cannot see, server-side clients that send an Origin). Without an Origin such a request is handled as it
 * always was and its answer carries no CORS headers, so the browser keeps it from the script: that is what
 * refusing an origin means in the Fetch protocol.
 *
 * <p>Once any origin is listed an answer depends on the request's Origin, so every answer says
 * {@code Vary: Origin}: a cache must not hand one origin's answer (with its Access-Control-Allow-Origin)
 * to another origin, nor an answer without it to a listed one.
 */
@ApplicationScoped
public class CorsOrigins {

    /**
     * scheme://host[:port] (a name, an IPv4 or a bracketed IPv6 address) in the lower case browsers send,
     * nothing after it: what an Origin header holds.
     */
    private static final Pattern ORIGIN = Pattern.compile("https?://([a-z0-9.-]+|\\[[0-9a-f:.]+])(:[0-9]{1,5})?");

    private final Set<String> allowed;

    CorsOrigins(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.allowed = Set.copyOf(checked(origins.orElse(List.of())));
    }

    void register(@Observes Router router) {
        // Right after RequestIds (Integer.MIN_VALUE), so preflights carry X-Request-Id too, and before
        // every Quarkus filter (their order is minus a small priority).
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
            if (origin != null && !allowed.contains(origin)) {
                rc.request().headers().remove(HttpHeaders.ORIGIN);
            }
            if (!allowed.isEmpty()) {
                rc.addHeadersEndHandler(ignored -> varyOnOrigin(rc.response().headers()));
            }
            rc.next();
        });
    }

    static void varyOnOrigin(MultiMap headers) {
        List<String> vary = headers.getAll(HttpHeaders.VARY);
        for (String value : vary) {
            for (String name : value.split(",")) {
                String trimmed = name.trim();
                if (trimmed.equals("*") || trimmed.equalsIgnoreCase("Origin")) {
                    return;
                }
            }
        }
        headers.add(HttpHeaders.VARY, "Origin");
    }

    /**
     * Only exact origins: Quarkus would also take "*" or /regular expressions/, which this class would never
     * match, and a typo such as a trailing slash would never match either. Both fail at start instead.
     */
    static List<String> checked(List<String> origins) {
        for (String origin : origins) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("ESTATEHUB_CORS_ORIGINS (quarkus.http.cors.origins) holds '" + origin
                        + "', which is not an exact origin such as https://estates.example.gov.uk or"
                        + " http://localhost:5173 (lower case, no path, no trailing slash, no wildcard)");
            }
        }
        return origins;
    }
}
