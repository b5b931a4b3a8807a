package org.estatehub.common.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the partnership's Keycloak realm answers: without it no caller can get a token and
 * the API cannot verify new signing keys, so a load balancer should send traffic elsewhere. Fetches the
 * realm's discovery document with a short timeout so a hung Keycloak cannot hang the probe.
 */
@Readiness
@ApplicationScoped
public class KeycloakReadinessCheck implements HealthCheck {

    static final String NAME = "Keycloak realm";

    private final URI discovery;
    private final Duration timeout;
    private final HttpClient http;

    public KeycloakReadinessCheck(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
            @ConfigProperty(name = "estatehub.health.keycloak-timeout", defaultValue = "2S") Duration timeout) {
        String base = realmUrl.endsWith("/") ? realmUrl.substring(0, realmUrl.length() - 1) : realmUrl;
        this.discovery = URI.create(base + "/.well-known/openid-configuration");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("url", discovery.toString());
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(discovery).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && answer.body().contains("\"issuer\"")) {
                return response.up().build();
            }
            return response.down().withData("error", "HTTP " + answer.statusCode()).build();
        } catch (IOException e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }
}
