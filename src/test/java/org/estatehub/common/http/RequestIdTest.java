package org.estatehub.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** X-Request-Id: taken from the request or generated, echoed back, and in the MDC of the request's logs. */
@QuarkusTest
class RequestIdTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void echoesTheCallersRequestId() {
        given().header("X-Request-Id", "ops-test-42").get("/q/health/live")
                .then().statusCode(200).header("X-Request-Id", equalTo("ops-test-42"));
    }

    @Test
    void generatesOneWhenMissing() {
        String first = given().get("/q/health/live").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID)).extract().header("X-Request-Id");
        given().get("/q/health/live").then().header("X-Request-Id", not(equalTo(first)));
    }

    @Test
    void replacesUnsafeValues() {
        given().header("X-Request-Id", "evil\tvalue with spaces and a very long tail " + "x".repeat(200))
                .get("/q/health/live")
                .then().header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void isOnErrorResponsesOfTheApi() {
        given().header("X-Request-Id", "no-token-1").get("/me")
                .then().statusCode(401).header("X-Request-Id", equalTo("no-token-1"));
    }

    @Test
    void isInTheMdcOfTheRequestsLogLines() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && "probe request handled".equals(ext.getMessage())) {
                    seen.add(String.valueOf(ext.getMdc(RequestIds.MDC_KEY)));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(LoggingProbeResource.LOGGER);
        logger.addHandler(capture);
        try {
            given().header("X-Request-Id", "mdc-check-7").get("/test-support/log")
                    .then().statusCode(200).header("X-Request-Id", equalTo("mdc-check-7"));
            given().get("/test-support/log").then().statusCode(200);
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(2, seen.size(), "log lines seen: " + seen);
        assertEquals("mdc-check-7", seen.get(0));
        org.hamcrest.MatcherAssert.assertThat(seen.get(1), matchesPattern(UUID));
    }
}
