package org.estatehub.common.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.estatehub.testing.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Probes and metrics answer without a token and report the real dependencies. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessChecksPostgresAndKeycloak() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(KeycloakReadinessCheck.NAME))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Keycloak realm' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Keycloak realm' }.data.url",
                        containsString("/realms/estatehub/.well-known/openid-configuration"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        // one authenticated API call so the HTTP server metrics have a sample for /me
        Api.as("maidstone.editor").get("/me").then().statusCode(200);
        // Prometheus' classic text format; scrapers that ask for OpenMetrics get that instead
        given().accept("text/plain").get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/me\""));
    }
}
