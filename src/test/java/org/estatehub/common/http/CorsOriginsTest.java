package org.estatehub.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

/** What CorsOrigins accepts as a listed origin, and how it adds Origin to Vary. */
@FastTest
class CorsOriginsTest {

    @Test
    void onlyExactOriginsMayBeListed() {
        List<String> origins = List.of("http://localhost:5173", "https://estates.example.gov.uk", "http://10.0.0.7:8080",
                "http://[::1]:5173");
        assertEquals(origins, CorsOrigins.checked(origins));
        for (String notAnOrigin : List.of("*", "/https://.*\\.example/", "http://localhost:5173/", "localhost:5173",
                "https://estates.example.gov.uk/app", "HTTP://LOCALHOST:5173", "ftp://files.example", "null", "http://[::1", "http://user@localhost:5173")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CorsOrigins.checked(List.of("http://localhost:3000", notAnOrigin)), notAnOrigin);
            assertEquals(true, e.getMessage().contains("'" + notAnOrigin + "'"), e.getMessage());
        }
    }

    @Test
    void varyKeepsWhatTheAnswerAlreadyVariesOnAndNamesOriginOnce() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Vary", "Accept");
        CorsOrigins.varyOnOrigin(headers);
        assertEquals(List.of("Accept", "Origin"), headers.getAll("Vary"));
        CorsOrigins.varyOnOrigin(headers);
        assertEquals(List.of("Accept", "Origin"), headers.getAll("Vary"));

        MultiMap already = MultiMap.caseInsensitiveMultiMap().add("Vary", "accept, origin");
        CorsOrigins.varyOnOrigin(already);
        assertEquals(List.of("accept, origin"), already.getAll("Vary"));

        MultiMap everything = MultiMap.caseInsensitiveMultiMap().add("Vary", "*");
        CorsOrigins.varyOnOrigin(everything);
        assertEquals(List.of("*"), everything.getAll("Vary"));

        MultiMap none = MultiMap.caseInsensitiveMultiMap();
        CorsOrigins.varyOnOrigin(none);
        assertEquals(List.of("Origin"), none.getAll("Vary"));
    }
}
