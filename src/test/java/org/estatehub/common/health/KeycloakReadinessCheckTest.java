package org.estatehub.common.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/** The check goes DOWN, quickly, when the realm does not answer. */
@FastTest
class KeycloakReadinessCheckTest {

    @Test
    void downWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HealthCheckResponse response = new KeycloakReadinessCheck(
                "http://127.0.0.1:" + port + "/realms/estatehub", Duration.ofSeconds(1)).call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertTrue(response.getData().orElseThrow().get("error").toString().contains("ConnectException"));
    }

    @Test
    void downWhenTheServerHangs() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            long start = System.nanoTime();
            HealthCheckResponse response = new KeycloakReadinessCheck(
                    "http://127.0.0.1:" + silent.getLocalPort() + "/realms/estatehub", Duration.ofMillis(500)).call();
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            assertTrue(tookMs < 5_000, "took " + tookMs + " ms");
        }
    }
}
