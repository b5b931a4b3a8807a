package org.estatehub.partner.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.estatehub.common.problem.ProblemException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak's admin REST API as EstateHub's onboarding client sees it: plain HTTP with timeouts, a service
 * account token from client credentials (reused until shortly before it expires), and Keycloak's failures
 * turned into problems the caller can act on: unreachable or too slow is 503 with Retry-After, a 5xx or an
 * answer EstateHub cannot use is 502. Nothing here logs a request or answer body: they may carry a client
 * secret or a person's email.
 */
@ApplicationScoped
public class KeycloakAdmin {

    private static final Logger LOG = Logger.getLogger(KeycloakAdmin.class);

    /** A token is not reused in its last seconds, so that no request carries one that expires in flight. */
    private static final long TOKEN_MARGIN_SECONDS = 20;

    @Inject
    OnboardingConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private volatile HttpClient http;
    private volatile Token token;

    private record Token(String value, Instant refreshAfter) {
    }

    /** An answer of the admin API. */
    public record Reply(int status, String body, Optional<String> location) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The id Keycloak gives a created resource: the last segment of its Location. */
        public String createdId() {
            String url = location.orElseThrow(() -> failed("Keycloak created a resource but named no Location"));
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Reply postJson(String path, Object body) {
        return send("POST", path, "application/json", write(body));
    }

    /** As {@link #postJson}, but a 5xx is answered, not thrown (import-config's 500 means "cannot read the URL"). */
    public Reply postJsonAllowingServerError(String path, Object body) {
        return send("POST", path, "application/json", write(body), true);
    }

    public Reply putJson(String path, Object body) {
        return send("PUT", path, "application/json", write(body));
    }

    /** A DELETE with a JSON body (role mappings are withdrawn that way). */
    public Reply deleteJson(String path, Object body) {
        return send("DELETE", path, "application/json", write(body));
    }

    public Reply postForm(String path, Map<String, String> form) {
        return send("POST", path, "application/x-www-form-urlencoded", form(form));
    }

    public JsonNode read(Reply reply) {
        try {
            return json.readTree(reply.body());
        } catch (JsonProcessingException e) {
            throw failed("Keycloak answered something that is not JSON");
        }
    }

    /** A reply that must be 2xx: anything else is Keycloak failing EstateHub (502). */
    public Reply require(Reply reply, String what) {
        if (!reply.ok()) {
            throw failed("Keycloak answered " + reply.status() + " to " + what + "; nothing was changed in EstateHub.");
        }
        return reply;
    }

    /** Keycloak's own message in an error answer ({"errorMessage": ...} or {"error": ...}), if any. */
    public String errorMessage(Reply reply) {
        try {
            JsonNode node = json.readTree(reply.body());
            for (String field : new String[] { "errorMessage", "error_description", "error" }) {
                if (node != null && node.hasNonNull(field)) {
                    return node.get(field).asText();
                }
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // not JSON: no message to pass on
        }
        return "";
    }

    public static ProblemException failed(String detail) {
        return new ProblemException(502, "keycloak-failed", "Keycloak failed", detail);
    }

    public ProblemException unavailable(String detail) {
        return new ProblemException(503, "keycloak-unavailable", "Keycloak unavailable", detail)
                .header("Retry-After", Integer.toString(config.retryAfterSeconds()));
    }

    private Reply send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, false);
    }

    private Reply send(String method, String path, String contentType, String body, boolean serverErrorAnswered) {
        Reply reply = exchange(method, adminUrl() + path, contentType, body, accessToken());
        if (reply.status() == 401) {
            // The token was revoked or the realm's keys rotated: one fresh token, then Keycloak's answer stands.
            token = null;
            reply = exchange(method, adminUrl() + path, contentType, body, accessToken());
        }
        if (reply.status() == 503) {
            throw unavailable("Keycloak is unavailable (503); nothing was changed. Retry later.");
        }
        if (reply.status() >= 500 && !serverErrorAnswered) {
            throw failed("Keycloak answered " + reply.status() + "; nothing was changed in EstateHub.");
        }
        if (reply.status() == 401 || reply.status() == 403) {
            // The onboarding client lacks a role it needs: the operator's configuration, not the caller's request.
            LOG.errorf("Keycloak refused the onboarding client (%d) on %s %s: check its realm-management roles",
                    reply.status(), method, path.replaceAll("\\?.*", ""));
            throw failed("Keycloak refused EstateHub's onboarding client (" + reply.status()
                    + "); the operator must check its roles. Nothing was changed.");
        }
        return reply;
    }

    private String accessToken() {
        Token held = token;
        if (held != null && clock.instant().isBefore(held.refreshAfter())) {
            return held.value();
        }
        String secret = config.clientSecret().filter(s -> !s.isBlank()).orElseThrow(() -> unavailable(
                "Onboarding through Keycloak is not configured (ESTATEHUB_ONBOARDING_SECRET); nothing was changed."));
        Instant asked = clock.instant();
        Reply reply = exchange("POST", config.realmUrl() + "/protocol/openid-connect/token",
                "application/x-www-form-urlencoded",
                form(Map.of("grant_type", "client_credentials", "client_id", config.clientId(), "client_secret", secret)),
                null);
        if (!reply.ok()) {
            LOG.errorf("Keycloak refused a token to the onboarding client %s (%d)", config.clientId(), reply.status());
            throw reply.status() >= 500 ? failed("Keycloak answered " + reply.status() + " to EstateHub's sign-in; nothing was changed.")
                    : failed("Keycloak refused EstateHub's onboarding client; the operator must check its secret. Nothing was changed.");
        }
        JsonNode answer = read(reply);
        if (!answer.hasNonNull("access_token")) {
            throw failed("Keycloak's token answer carried no access token");
        }
        long lifetime = answer.path("expires_in").asLong(60);
        Token fresh = new Token(answer.get("access_token").asText(),
                asked.plusSeconds(Math.max(0, lifetime - TOKEN_MARGIN_SECONDS)));
        token = fresh;
        return fresh.value();
    }

    private Reply exchange(String method, String url, String contentType, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = client().send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Location"));
        } catch (IOException e) {
            // Refused, reset, timed out (HttpTimeoutException is an IOException): Keycloak did not answer.
            LOG.warnf("Keycloak did not answer %s %s: %s", method, URI.create(url).getPath(), e.toString());
            throw unavailable("Keycloak did not answer in time or could not be reached; nothing was changed in EstateHub. Retry later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while waiting for Keycloak; nothing was changed.");
        }
    }

    private HttpClient client() {
        HttpClient held = http;
        if (held == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(config.timeout())
                            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
                }
                held = http;
            }
        }
        return held;
    }

    private String adminUrl() {
        String realm = config.realmUrl().replaceAll("/+$", "");
        int at = realm.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IllegalStateException("estatehub.onboarding.realm-url must end in /realms/<realm>: " + realm);
        }
        return realm.substring(0, at) + "/admin" + realm.substring(at);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Keycloak request could not be written as JSON", e);
        }
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A path segment or query value, encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
