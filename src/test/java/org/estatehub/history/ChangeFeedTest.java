package org.estatehub.history;

import static org.estatehub.testing.AssetFixtures.asset;
import static org.estatehub.testing.AssetFixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.ConfigProvider;
import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.ProjectFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * GET /events: filtered to what the caller may see, and resumable exactly (no duplicates, no gaps),
 * also when transactions commit out of order.
 *
 * The test database is shared with the whole suite and the server with other databases, so events of
 * earlier tests, or a transaction elsewhere that holds the feed's horizon back for a moment, must not
 * make these tests flaky: each test looks only at the records it made itself (`mine`) and waits (up to
 * {@link #PATIENCE_MS}) for the events it expects.
 */
@QuarkusTest
public class ChangeFeedTest {

    static final long PATIENCE_MS = 30_000;

    /** One event as the feed shows it. */
    public record Event(String entityType, String entityId, String action, String actorUsername, Map<String, Object> changes) {
        String key() {
            return entityId + " " + action;
        }
    }

    /** Everything a reader collected from a starting cursor, and where it stopped. */
    public static final class Reader {
        final String user;
        final int pageSize;
        String cursor;
        public final List<Event> events = new ArrayList<>();

        public Reader(String user, String cursor, int pageSize) {
            this.user = user;
            this.cursor = cursor;
            this.pageSize = pageSize;
        }

        /** Reads one page; true if the feed said there is more right now. */
        boolean page() {
            JsonPath page = Api.as(user).get("/events?limit=" + pageSize + (cursor == null ? "" : "&after=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertTrue(items.size() <= pageSize);
            for (int i = 0; i < items.size(); i++) {
                events.add(new Event(page.getString("items[" + i + "].entityType"), page.getString("items[" + i + "].entityId"),
                        page.getString("items[" + i + "].action"), page.getString("items[" + i + "].actor.username"),
                        page.getMap("items[" + i + "].changes")));
            }
            cursor = page.getString("nextCursor");
            assertNotNull(cursor);
            return page.getBoolean("hasMore");
        }

        /** Pages until caught up. */
        public Reader catchUp() {
            while (page()) {
                // keep reading
            }
            return this;
        }

        /** Pages until `mine` has `count` events (waiting for the horizon if need be), then until caught up. */
        public List<Event> untilMine(Predicate<Event> mine, int count) throws InterruptedException {
            long deadline = System.currentTimeMillis() + PATIENCE_MS;
            while (true) {
                boolean more = page();
                if (!more && events.stream().filter(mine).count() >= count) {
                    break;
                }
                if (!more) {
                    assertTrue(System.currentTimeMillis() < deadline, "the feed did not deliver " + count
                            + " events in time; it has " + events.stream().filter(mine).map(Event::key).toList());
                    Thread.sleep(100);
                }
            }
            return events.stream().filter(mine).toList();
        }
    }

    private static String now(String user) {
        return new Reader(user, null, 500).catchUp().cursor;
    }

    private static Predicate<Event> about(Set<String> ids) {
        return e -> ids.contains(e.entityId());
    }

    private static String etag(String user, String path) {
        return Api.as(user).get(path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void feedHidesOtherPartnersOwnerOnlyAssetsAndResumesExactly() throws Exception {
        String maidstoneStart = now("maidstone.editor");
        String doverStart = now("dover.editor");

        Map<String, Object> doverHiddenInput = with(asset("Feed hidden " + AssetFixtures.token(), 51.12, 1.31),
                "localAuthority", "E07000108", "visibility", "OWNER_ONLY");
        Response doverHidden = AssetFixtures.create("dover.editor", doverHiddenInput);
        String d1 = doverHidden.path("id");
        Api.as("dover.editor").header("If-Match", doverHidden.header("ETag"))
                .body(with(doverHiddenInput, "utilisationPercent", 10)).put("/assets/" + d1).then().statusCode(200);
        Map<String, Object> doverSharedInput = with(asset("Feed shared " + AssetFixtures.token(), 51.12, 1.31),
                "localAuthority", "E07000108");
        String d2 = AssetFixtures.createId("dover.editor", doverSharedInput);
        Map<String, Object> maidstoneInput = asset("Feed maidstone " + AssetFixtures.token(), 51.27, 0.52);
        Response maidstone = AssetFixtures.create("maidstone.editor", maidstoneInput);
        String m1 = maidstone.path("id");
        Api.as("maidstone.editor").header("If-Match", maidstone.header("ETag"))
                .body(with(maidstoneInput, "status", "SURPLUS")).put("/assets/" + m1).then().statusCode(200);
        Response project = ProjectFixtures.create("maidstone.editor", ProjectFixtures.project("Feed project", "kcc"));
        String p1 = project.path("id");
        Set<String> mine = new HashSet<>(List.of(d1, d2, m1, p1));

        // Maidstone, two at a time: never the Dover owner-only asset; everything else in commit order.
        Reader maidstoneReader = new Reader("maidstone.editor", maidstoneStart, 2);
        List<Event> seen = maidstoneReader.untilMine(about(mine), 4);
        assertEquals(List.of(d2 + " CREATED", m1 + " CREATED", m1 + " UPDATED", p1 + " CREATED"),
                seen.stream().map(Event::key).toList());
        assertEquals(Map.of("from", "OPERATIONAL", "to", "SURPLUS"), seen.get(2).changes().get("status"));
        assertEquals("Feed project", ((Map<?, ?>) seen.get(3).changes().get("name")).get("to"));

        // Dover sees its own owner-only asset, and that Maidstone's project changed, but not its details.
        List<Event> dover = new Reader("dover.editor", doverStart, 2).untilMine(about(mine), 6);
        assertEquals(List.of(d1 + " CREATED", d1 + " UPDATED", d2 + " CREATED", m1 + " CREATED", m1 + " UPDATED",
                p1 + " CREATED"), dover.stream().map(Event::key).toList());
        assertNotNull(dover.get(4).changes());
        assertEquals("PROJECT", dover.get(5).entityType());
        // The summary's changes (what GET /projects shows everyone), not the details' (the description).
        assertEquals("Feed project", ((Map<?, ?>) dover.get(5).changes().get("name")).get("to"));
        assertEquals(Set.of("name", "leadPartnerId", "participatingPartnerIds", "localAuthority", "localAuthorityName",
                "type", "stage", "rag.status", "programmes"), dover.get(5).changes().keySet(),
                "dover does not read the project's details");
        assertTrue(seen.get(3).changes().containsKey("description"), "the participant reads the details");
        // The programme office reads everything.
        assertEquals(6, new Reader("pmo.admin", doverStart, 50).untilMine(about(mine), 6).size());

        // More changes, then resume from the cursor: exactly the new ones.
        String maidstoneEtag = etag("maidstone.editor", "/assets/" + m1);
        Api.as("maidstone.editor").header("If-Match", maidstoneEtag)
                .body(with(maidstoneInput, "status", "SURPLUS", "utilisationPercent", 5)).put("/assets/" + m1)
                .then().statusCode(200);
        Api.as("dover.editor").header("If-Match", etag("dover.editor", "/assets/" + d1))
                .body(with(doverHiddenInput, "utilisationPercent", 20)).put("/assets/" + d1).then().statusCode(200);
        Api.as("dover.editor").header("If-Match", etag("dover.editor", "/assets/" + d2))
                .body(with(doverSharedInput, "name", "Feed shared renamed")).put("/assets/" + d2).then().statusCode(200);
        Api.as("maidstone.editor").header("If-Match", project.header("ETag")).body(Map.of("toStage", "PIPELINE"))
                .post("/projects/" + p1 + "/stage-changes").then().statusCode(201);

        Reader resumed = new Reader("maidstone.editor", maidstoneReader.cursor, 2);
        assertEquals(List.of(m1 + " UPDATED", d2 + " UPDATED", p1 + " STAGE_CHANGED"),
                resumed.untilMine(about(mine), 3).stream().map(Event::key).toList());
        assertEquals(3, resumed.events.size(), "nothing but the new changes after the cursor");
        assertFalse(resumed.page());
        assertEquals(3, resumed.events.size());

        // When an asset becomes owner-only, its earlier changes leave other partners' feeds too.
        Api.as("dover.editor").header("If-Match", etag("dover.editor", "/assets/" + d2))
                .body(with(doverSharedInput, "name", "Feed shared renamed", "visibility", "OWNER_ONLY"))
                .put("/assets/" + d2).then().statusCode(200);
        List<Event> again = new Reader("maidstone.editor", maidstoneStart, 50).untilMine(about(mine), 5);
        assertEquals(List.of(m1 + " CREATED", m1 + " UPDATED", p1 + " CREATED", m1 + " UPDATED", p1 + " STAGE_CHANGED"),
                again.stream().map(Event::key).toList());
    }

    @Test
    void malformedCursorsAndLimitsAreBadRequests() {
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("e1:99999999999999999999:1".getBytes(StandardCharsets.US_ASCII));
        for (String after : List.of("not-a-cursor", forged, "e1", "%21%21")) {
            Api.badRequestAs("maidstone.editor").urlEncodingEnabled(false).get("/events?after=" + after).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("errors[0].field", equalTo("after"));
        }
        Api.badRequestAs("maidstone.editor").get("/events?limit=0").then().statusCode(400)
                .contentType("application/problem+json");
        Api.badRequestAs("maidstone.editor").get("/events?limit=501").then().statusCode(400)
                .contentType("application/problem+json");
        Api.anonymous().get("/events").then().statusCode(401).contentType("application/problem+json");
    }

    /**
     * The case a plain `id > cursor` feed gets wrong: a transaction takes an event id, and a later
     * transaction with a larger id commits first. The feed must not move past the open transaction's
     * event; once it commits, both arrive, in order, exactly once.
     */
    @Test
    void anEventCommittedLaterWithASmallerIdIsNotSkipped() throws Exception {
        String start = now("maidstone.editor");
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        String password = ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class);
        String heldPartner = "audit-held-" + AssetFixtures.token();
        long heldId;
        String laterAsset;
        try (Connection held = DriverManager.getConnection(url, user, password)) {
            held.setAutoCommit(false);
            try (PreparedStatement insert = held.prepareStatement("""
                    insert into audit_event (entity_type, entity_id, action, actor_username, actor_partner_id,
                           partner_id, scope_type, scope_id, note, before_doc, after_doc)
                    values ('PARTNER', ?, 'UPDATED', 'held.transaction', 'kcc', 'kcc', 'PARTNER', 'kcc',
                            'written by ChangeFeedTest in a transaction held open',
                            '{"name": "A"}', '{"name": "B"}') returning id""")) {
                insert.setString(1, heldPartner);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    heldId = rs.getLong(1);
                }
            }
            laterAsset = AssetFixtures.createId("maidstone.editor", asset("Feed later " + AssetFixtures.token(), 51.27, 0.52));
            long laterId = laterEventId(url, user, password, laterAsset);
            assertTrue(laterId > heldId, "the later change has the larger id (" + laterId + " > " + heldId + ")");

            Reader reader = new Reader("maidstone.editor", start, 2);
            long until = System.currentTimeMillis() + 1500;
            while (System.currentTimeMillis() < until) {
                reader.catchUp();
                Thread.sleep(100);
            }
            assertTrue(reader.events.stream().noneMatch(e -> e.entityId().equals(laterAsset)),
                    "the feed moved past a transaction still in flight");
            held.commit();

            Set<String> mine = Set.of(heldPartner, laterAsset);
            List<Event> events = reader.untilMine(e -> mine.contains(e.entityId()), 2);
            assertEquals(List.of(heldPartner + " UPDATED", laterAsset + " CREATED"),
                    events.stream().map(Event::key).toList());
        }
    }

    private static long laterEventId(String url, String user, String password, String entityId) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement s = c.prepareStatement("select max(id) from audit_event where entity_id = ?")) {
            s.setString(1, entityId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Several writers commit concurrently while a reader polls the feed two events at a time; what it
     * collected must be exactly the complete list read afterwards: same events, same order, no
     * duplicates, no gaps.
     */
    @Test
    void aPollingReaderMissesNothingWhileWritersCommitConcurrently() throws Exception {
        String start = now("maidstone.editor");
        int writers = 4;
        int changesEach = 6;
        Set<String> mine = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            Reader poller = new Reader("maidstone.editor", start, 2);
            Future<?> reading = pool.submit(() -> {
                while (writing.get()) {
                    poller.page();
                }
                return null;
            });
            List<Future<?>> writing_ = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writing_.add(pool.submit(() -> {
                    Map<String, Object> input = asset("Feed parallel " + AssetFixtures.token(), 51.27, 0.52);
                    Response created = AssetFixtures.create("maidstone.editor", input);
                    String id = created.path("id");
                    mine.add(id);
                    String etag = created.header("ETag");
                    for (int i = 1; i < changesEach; i++) {
                        etag = Api.as("maidstone.editor").header("If-Match", etag)
                                .body(with(input, "utilisationPercent", i)).put("/assets/" + id)
                                .then().statusCode(200).extract().header("ETag");
                    }
                    return null;
                }));
            }
            for (Future<?> f : writing_) {
                f.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            reading.get(120, TimeUnit.SECONDS);

            int expected = writers * changesEach;
            List<Event> polled = poller.untilMine(e -> mine.contains(e.entityId()), expected);
            List<Event> complete = new Reader("maidstone.editor", start, 500)
                    .untilMine(e -> mine.contains(e.entityId()), expected);
            assertEquals(expected, complete.size());
            assertEquals(complete, polled);
            assertEquals(expected, new HashSet<>(polled).size(), "no event twice");
        } finally {
            pool.shutdownNow();
        }
    }
}
