package org.estatehub.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;

/**
 * Headers every answer carries, whoever writes it (an operation, a problem mapper, Quarkus' own 401/404/413,
 * the 405 and 429 routes, /q/*): added as the headers are written rather than when the request arrives,
 * so no later handler can drop them.
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a browser never guesses another type than the declared one
 * (a CSV export or a problem rendered as HTML; OWASP API8:2023 Security Misconfiguration).</li>
 * <li>{@code Cache-Control: no-store} on everything outside /q: every API operation needs a token and answers
 * with one partner's view, which no shared cache or browser back/forward cache may keep. /q (health,
 * metrics, the contract, Swagger UI) is the same for everyone and keeps Quarkus' own caching. The one
 * exception is an operation that chose {@code private} caching itself (a vector tile: one caller's view,
 * kept by that caller's browser only, revalidated by ETag), which is kept.</li>
 * </ul>
 */
@ApplicationScoped
public class StandardHeaders {

    public static final String NOSNIFF_HEADER = "X-Content-Type-Options";
    public static final String CACHE_CONTROL_HEADER = "Cache-Control";

    void register(@Observes Router router) {
        // First (with RequestIds), so that the 413 PayloadLimits answers right after it has them too.
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            boolean api = !rc.normalizedPath().startsWith("/q/");
            rc.addHeadersEndHandler(done -> {
                MultiMap headers = rc.response().headers();
                headers.set(NOSNIFF_HEADER, "nosniff");
                if (api && !privatelyCached(headers.get(CACHE_CONTROL_HEADER))) {
                    headers.set(CACHE_CONTROL_HEADER, "no-store");
                }
            });
            rc.next();
        });
    }

    /** `private, ...` set by the operation itself; anything else (or nothing) becomes no-store. */
    static boolean privatelyCached(String cacheControl) {
        return cacheControl != null && cacheControl.startsWith("private,");
    }
}
