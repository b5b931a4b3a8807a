package org.estatehub.common.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.estatehub.common.problem.Problems;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * A method the contract does not declare for one of its paths is 405 problem+json with {@code Allow}
 * listing what the path does take, decided from the contract itself (ContractOperations) before JAX-RS
 * sees the request: JAX-RS would otherwise route {@code PUT /assets/export} to {@code PUT
 * /assets/{assetId}} and answer as if "export" were an asset id. The contract cannot declare 405 per
 * operation (no operation exists for the method); its info description does.
 * <p>
 * HEAD is answered wherever GET is (JAX-RS runs the GET without sending the body) and OPTIONS everywhere
 * (JAX-RS' automatic answer, and CORS preflights), so Allow names them beside the contract's methods.
 */
@ApplicationScoped
public class MethodNotAllowed {

    /** Right after the rate limit (RateLimits.ORDER), so a flood of wrong methods is limited as well. */
    static final int ORDER = 0;

    /** Methods JAX-RS answers on its own whatever the contract says. */
    private static final Set<String> ALWAYS_ANSWERED = Set.of("OPTIONS");

    void register(@Observes Router router) {
        ContractOperations contract = ContractOperations.get();
        router.route().order(ORDER).handler(rc -> {
            String method = rc.request().method().name();
            if (ALWAYS_ANSWERED.contains(method)) {
                rc.next();
                return;
            }
            var path = contract.path(rc.normalizedPath()).orElse(null);
            if (path == null || path.methods().contains(method)
                    || (method.equals("HEAD") && path.methods().contains("GET"))) {
                rc.next();
                return;
            }
            String allow = String.join(", ", allowed(path.methods()));
            String problem = new JsonObject()
                    .put("type", "https://estatehub.example/problems/method-not-allowed")
                    .put("title", "Method Not Allowed")
                    .put("status", 405)
                    .put("detail", method + " is not allowed on " + path.template() + "; allowed: " + allow + ".")
                    .put("instance", rc.request().path())
                    .encode();
            rc.response().setStatusCode(405)
                    .putHeader("Allow", allow)
                    .putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .end(problem);
        });
    }

    /** The contract's methods, HEAD where there is GET, and OPTIONS. */
    static List<String> allowed(List<String> declared) {
        List<String> allowed = new ArrayList<>(declared);
        if (declared.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return allowed;
    }
}
