package org.estatehub.asset.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The map page's bundled MapLibre GL JS is the one map/package-lock.json locks (map/vendor.sh copies it), so
 * a version bump in package.json without re-running vendor.sh, or a hand-edited copy, fails here; and the
 * page loads nothing from another origin (the network may be closed, and no CDN is trusted with it).
 */
@FastTest
class MapPageFilesTest {

    static final Path PAGE = Path.of("src/main/resources/META-INF/resources/map");
    static final Path VENDOR = PAGE.resolve("vendor/maplibre-gl");

    @Test
    void theBundledMapLibreIsTheLockedOne() throws IOException {
        JsonNode lock = new ObjectMapper().readTree(Path.of("map/package-lock.json").toFile());
        String locked = lock.path("packages").path("node_modules/maplibre-gl").path("version").asText();
        assertFalse(locked.isEmpty(), "maplibre-gl in map/package-lock.json");
        assertEquals(locked, Files.readString(VENDOR.resolve("VERSION")).trim());
        for (String file : new String[] {"maplibre-gl.mjs", "maplibre-gl-worker.mjs"}) {
            String head = Files.readString(VENDOR.resolve(file)).substring(0, 300);
            assertTrue(head.contains("maplibre-gl-js/blob/v" + locked + "/LICENSE.txt"), file + ": " + head);
        }
        assertTrue(Files.exists(VENDOR.resolve("maplibre-gl.css")));
        assertTrue(Files.readString(VENDOR.resolve("LICENSE.txt")).contains("BSD"));
    }

    @Test
    void thePageLoadsOnlyItsOwnFiles() throws IOException {
        for (String file : new String[] {"index.html", "map.js", "map.css"}) {
            String text = Files.readString(PAGE.resolve(file));
            assertFalse(text.matches("(?s).*(src|href)=\"(https?:)?//.*"), file + " loads from another origin");
            assertFalse(text.matches("(?s).*import [^;]*from '(https?:)?//.*"), file + " imports from another origin");
        }
    }
}
