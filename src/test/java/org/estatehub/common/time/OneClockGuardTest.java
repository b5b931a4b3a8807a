package org.estatehub.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/**
 * Every "now" of the service comes from the injected Clock (PartnershipCalendar), so that tests can fix
 * time; and every read that maps rows goes through NamedSql with a row mapper, not positional Object[]
 * casts. A plain scan of src/main/java: a new OffsetDateTime.now(), an SQL now() or current_date, or a
 * native query of Object[] rows fails the build here rather than in review.
 */
@FastTest
class OneClockGuardTest {

    private static final Path MAIN = Path.of("src/main/java/org/estatehub");

    /** A Java or SQL "now" of any kind: X.now(...), now(), current_date, current_timestamp, ... */
    private static final Pattern NOW = Pattern.compile(
            "\\bnow\\(|\\bcurrent_date\\b|\\bcurrent_timestamp\\b|\\blocaltimestamp\\b|\\bcurrent_time\\b"
                    + "|\\bcurrentTimeMillis\\s*\\(|\\bnew\\s+(java\\.util\\.)?Date\\s*\\(\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    /** Positional row casts: native queries of Object[] rows. */
    private static final Pattern OBJECT_ROWS = Pattern.compile("Object\\[\\]\\.class|List<Object\\[\\]>");

    /**
     * The only places "now" may still be read, each with why (paths under org/estatehub). The migrations'
     * column DEFAULT now() is not here: it is DDL, outside src/main/java, a database-level fallback only.
     */
    private static final Map<String, String> NOW_ALLOWED = Map.of(
            "common/time/", "the one place the service's Clock is made");

    @Test
    void everyNowComesFromTheInjectedClock() throws IOException {
        List<String> found = scan(NOW, NOW_ALLOWED);
        assertEquals(List.of(), found, "take \"now\" from the injected Clock (PartnershipCalendar.timestamp/today),"
                + " or bind it as a parameter in SQL");
    }

    @Test
    void noReadMapsRowsByPositionalCasts() throws IOException {
        List<String> found = scan(OBJECT_ROWS, Map.of());
        assertEquals(List.of(), found, "read rows with NamedSql and a record row mapper");
    }

    @Test
    void theScanSeesTheSources() throws IOException {
        // A scan of the wrong directory would find nothing and pass: make sure it reads the real tree.
        List<String> clockUsers = scan(Pattern.compile("PartnershipCalendar\\.(timestamp|today)\\(clock\\)"), Map.of());
        assertTrue(clockUsers.size() > 40, "expected the services' clock calls, found " + clockUsers.size());
    }

    private static List<String> scan(Pattern pattern, Map<String, String> allowed) throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from the project directory: " + MAIN.toAbsolutePath());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = MAIN.relativize(file).toString().replace('\\', '/');
                if (allowed.keySet().stream().anyMatch(relative::startsWith)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        found.add(relative + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }
}
