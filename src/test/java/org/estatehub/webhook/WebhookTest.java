package org.estatehub.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.webhook.service.WebhookQueue;
import org.estatehub.webhook.service.WebhookSender;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Webhooks against a real receiver (an HTTP server in the test), through the service's own pump: the
 * signature checked with the published algorithm computed here, order per record, retries after 500s and
 * timeouts, a receiver down and then up, the feed's tenancy rules, pause, rotation, the SSRF refusal and
 * a second instance claiming from the same queue.
 */
@QuarkusTest
class WebhookTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ALL_TYPES = List.of("CREATED", "UPDATED", "DISPOSED", "STAGE_CHANGED", "SIGNED_OFF",
            "SUBMITTED", "DECIDED", "APPROVED", "REJECTED", "RELEASED", "STATUS_CHANGED", "TRANSFERRED", "CANCELLED",
            "OCCUPATION_END_APPROACHING", "OCCUPATION_BREAK_APPROACHING");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookQueue queue;

    @Inject
    WebhookSender sender;

    record Subscription(String id, String secret, String etag) {
    }

    static Subscription subscribe(String user, String url, List<String> types) {
        return subscribe(Api.as(user), url, types);
    }

    static Subscription subscribe(io.restassured.specification.RequestSpecification api, String url, List<String> types) {
        Response r = api.body(Map.of("url", url, "eventTypes", types, "description", "test receiver"))
                .post("/webhook-subscriptions");
        r.then().statusCode(201);
        return new Subscription(r.path("id"), r.path("secret"), r.header("ETag"));
    }

    static void unsubscribe(String user, String id) {
        String etag = Api.as(user).get("/webhook-subscriptions/" + id).then().statusCode(200).extract().header("ETag");
        // A 204 has no body: only a problem could come back.
        Api.as(user).accept("application/problem+json").header("If-Match", etag).delete("/webhook-subscriptions/" + id)
                .then().statusCode(204);
    }

    static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Standard Webhooks' signature, computed here from its definition rather than by the service's code. */
    static String expectedSignature(String whsec, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(whsec.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode body(Receiver.Request r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The requests about one record, in the order received. */
    static List<Receiver.Request> about(Receiver receiver, String entityId) {
        return receiver.requests.stream().filter(r -> entityId.equals(body(r).path("data").path("entityId").asText()))
                .toList();
    }

    static String updateAsset(String user, String id, String etag, String name) {
        return Api.as(user).header("If-Match", etag).body(AssetFixtures.asset(name, 51.27, 0.52)).put("/assets/" + id)
                .then().statusCode(200).extract().header("ETag");
    }

    @Test
    void signedDeliveriesInFeedOrderPerRecord() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Subscription s = subscribe("maidstone.editor", receiver.url(), List.of("CREATED", "UPDATED"));
            assertTrue(s.secret().startsWith("whsec_"), s.secret());
            Response read = Api.as("maidstone.editor").get("/webhook-subscriptions/" + s.id());
            assertNull(read.path("secret"), "the secret is shown once, on create");
            assertEquals("maidstone", read.path("partnerId"));

            Response created = AssetFixtures.create("maidstone.editor", AssetFixtures.asset("Hook order", 51.27, 0.52));
            String asset = created.path("id");
            String etag = created.header("ETag");
            for (int i = 1; i <= 4; i++) {
                etag = updateAsset("maidstone.editor", asset, etag, "Hook order " + i);
            }
            await("five deliveries of the asset", Duration.ofSeconds(30), () -> about(receiver, asset).size() >= 5);

            List<Receiver.Request> got = about(receiver, asset);
            List<String> names = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Receiver.Request r : got) {
                assertEquals(expectedSignature(s.secret(), r.id(), r.timestamp(), r.body()), r.signature(), r.body());
                long age = System.currentTimeMillis() / 1000 - Long.parseLong(r.timestamp());
                assertTrue(age >= -5 && age < 300, "webhook-timestamp " + r.timestamp());
                assertTrue(ids.add(r.id()), "a webhook-id twice: " + r.id());
                JsonNode b = body(r);
                assertEquals(b.path("type").asText(), b.path("data").path("action").asText());
                names.add(b.path("data").path("changes").path("name").path("to").asText());
            }
            assertEquals(List.of("Hook order", "Hook order 1", "Hook order 2", "Hook order 3", "Hook order 4"), names);
            assertEquals("CREATED", body(got.get(0)).path("type").asText());

            // The receipt comes before the attempt's outcome is recorded: wait for the log to say so.
            await("the log says DELIVERED for all five", Duration.ofSeconds(10), () -> {
                Response log = Api.as("maidstone.editor").get("/webhook-subscriptions/" + s.id() + "/deliveries?limit=100");
                List<String> statuses = log.path("items.status");
                return statuses.size() == 5 && statuses.stream().allMatch("DELIVERED"::equals);
            });
            unsubscribe("maidstone.editor", s.id());
        }
    }

    @Test
    void retriedAfter500sAndTimeoutsKeepingTheOrder() throws Exception {
        // 500, then slower than the 2 s read timeout (test profile), then 200 for everything.
        try (Receiver receiver = new Receiver(n -> n == 0 ? 500 : n == 1 ? -3500 : 200)) {
            Subscription s = subscribe("maidstone.editor", receiver.url(), List.of("CREATED", "UPDATED"));
            Response created = AssetFixtures.create("maidstone.editor", AssetFixtures.asset("Hook retry", 51.27, 0.52));
            String asset = created.path("id");
            updateAsset("maidstone.editor", asset, created.header("ETag"), "Hook retry 1");

            await("the update delivered", Duration.ofSeconds(40), () -> about(receiver, asset).stream()
                    .anyMatch(r -> body(r).path("type").asText().equals("UPDATED")));
            Thread.sleep(500);
            List<String> types = about(receiver, asset).stream().map(r -> body(r).path("type").asText()).toList();
            // The creation three times (500, timeout, 200), and only then the update.
            assertEquals(List.of("CREATED", "CREATED", "CREATED", "UPDATED"), types);
            List<String> ids = about(receiver, asset).stream().map(Receiver.Request::id).toList();
            assertEquals(ids.get(0), ids.get(1), "a retry keeps its webhook-id");
            assertEquals(ids.get(0), ids.get(2));

            Response log = Api.as("maidstone.editor").get("/webhook-subscriptions/" + s.id() + "/deliveries");
            Map<String, Object> creation = log.jsonPath().getMap("items.find { it.eventType == 'CREATED' }");
            assertEquals("DELIVERED", creation.get("status"));
            assertEquals(3, creation.get("attempts"));
            assertEquals(200, creation.get("lastStatusCode"));
            try (Connection c = dataSource.getConnection(); var st = c.prepareStatement("select a.status_code, a.error"
                    + " from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id"
                    + " where d.subscription_id = cast(? as uuid) and d.event_type = 'CREATED' order by a.attempt")) {
                st.setString(1, s.id());
                var rows = st.executeQuery();
                List<String> attempts = new ArrayList<>();
                while (rows.next()) {
                    attempts.add(rows.getObject(1) + " " + rows.getString(2));
                }
                assertEquals(3, attempts.size(), attempts.toString());
                assertEquals("500 HTTP 500", attempts.get(0));
                assertTrue(attempts.get(1).startsWith("null timed out"), attempts.toString());
                assertEquals("200 null", attempts.get(2));
            }
            unsubscribe("maidstone.editor", s.id());
        }
    }

    @Test
    void aReceiverDownAndThenUpGetsEverything() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            receiver.stop();
            Subscription s = subscribe("maidstone.editor", receiver.url(), List.of("CREATED"));
            List<String> assets = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                assets.add(AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Hook down " + i, 51.27, 0.52)));
            }
            await("connection failures logged", Duration.ofSeconds(20), () -> {
                Response log = Api.as("maidstone.editor").get("/webhook-subscriptions/" + s.id() + "/deliveries");
                List<String> errors = log.path("items.lastError");
                return errors.size() == 5 && errors.stream().allMatch(e -> e != null && e.startsWith("connection failed"));
            });
            assertTrue(receiver.requests.isEmpty());
            receiver.start();
            await("all five delivered", Duration.ofSeconds(30),
                    () -> assets.stream().allMatch(a -> !about(receiver, a).isEmpty()));
            Response log = Api.as("maidstone.editor").get("/webhook-subscriptions/" + s.id() + "/deliveries");
            await("all five DELIVERED in the log", Duration.ofSeconds(10), () -> Api.as("maidstone.editor")
                    .get("/webhook-subscriptions/" + s.id() + "/deliveries").jsonPath().getList("items.status")
                    .stream().allMatch("DELIVERED"::equals));
            assertEquals(5, (int) log.path("total"));
            unsubscribe("maidstone.editor", s.id());
        }
    }

    /**
     * Dover's subscription carries exactly what Dover's GET /events shows over the same stretch of the feed:
     * not Maidstone's OWNER_ONLY asset, not an MOU (the programme office's and its partner's only), and the
     * public records as the feed shows them.
     */
    @Test
    void aSubscriberReceivesWhatItsPartnerReadsInTheFeedAndNothingElse() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Subscription s = subscribe("dover.editor", receiver.url(), ALL_TYPES);
            String start = feedEnd("dover.editor");

            String token = AssetFixtures.token();
            String hidden = AssetFixtures.createId("maidstone.editor", AssetFixtures.with(
                    AssetFixtures.asset("Hook hidden " + token, 51.27, 0.52), "visibility", "OWNER_ONLY"));
            String shared = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Hook shared " + token, 51.27, 0.52));
            String partner = "hook-" + token.toLowerCase().replaceAll("[^a-z0-9]", "");
            partner = partner.substring(0, Math.min(partner.length(), 30));
            Api.as("pmo.admin").body(Map.of("id", partner, "name", "Hook partner " + token, "shortName", "HP", "type",
                    "OTHER", "localAuthority", "E07000110")).post("/partners").then().statusCode(201);
            String mou = Api.as("pmo.admin").body(Map.of("partnerId", partner, "documentReference", "MOU-" + token))
                    .post("/mous").then().statusCode(201).extract().path("id");
            // The last write: once it has arrived, everything before it in the feed has been judged.
            String last = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Hook last " + token, 51.27, 0.52));
            await("the last write delivered", Duration.ofSeconds(30), () -> !about(receiver, last).isEmpty());

            List<JsonNode> feed = new ArrayList<>();
            String cursor = start;
            boolean more = true;
            while (more) {
                Response page = Api.as("dover.editor").get("/events?limit=200&after=" + cursor);
                JSON.readTree(page.asString()).path("items").forEach(feed::add);
                cursor = page.path("nextCursor");
                more = page.path("hasMore");
            }
            List<JsonNode> delivered = new ArrayList<>();
            for (Receiver.Request r : receiver.requests) {
                delivered.add(body(r).path("data"));
            }
            // The same events; the order is the feed's per record only (different records go in parallel).
            Comparator<JsonNode> byText = Comparator.comparing(JsonNode::toString);
            assertEquals(feed.stream().sorted(byText).toList(), delivered.stream().sorted(byText).toList(),
                    "the deliveries are Dover's feed, event for event");
            Set<String> entities = new HashSet<>();
            delivered.forEach(e -> entities.add(e.path("entityId").asText()));
            assertFalse(entities.contains(hidden), "Maidstone's OWNER_ONLY asset delivered to Dover");
            assertFalse(entities.contains(mou), "an MOU delivered to another partner");
            assertTrue(entities.contains(shared) && entities.contains(partner) && entities.contains(last), entities.toString());
            assertFalse(receiver.requests.stream().anyMatch(r -> r.body().contains("Hook hidden")));
            unsubscribe("dover.editor", s.id());
        }
    }

    static String feedEnd(String user) {
        String cursor = null;
        boolean more = true;
        while (more) {
            Response page = Api.as(user).get("/events?limit=500" + (cursor == null ? "" : "&after=" + cursor));
            cursor = page.path("nextCursor");
            more = page.path("hasMore");
        }
        return cursor;
    }

    @Test
    void aReplayDeliversAgainFromTheCursorWithTheSameIds() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Subscription s = subscribe("maidstone.editor", receiver.url(), List.of("CREATED"));
            String before = feedEnd("maidstone.editor");
            String asset = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Hook replay", 51.27, 0.52));
            await("delivered", Duration.ofSeconds(20), () -> !about(receiver, asset).isEmpty());
            String etag = Api.as("maidstone.editor").get("/webhook-subscriptions/" + s.id()).header("ETag");
            Api.as("maidstone.editor").header("If-Match", etag).body(Map.of("after", before))
                    .post("/webhook-subscriptions/" + s.id() + "/replays").then().statusCode(200);
            await("delivered again", Duration.ofSeconds(20), () -> about(receiver, asset).size() >= 2);
            List<Receiver.Request> got = about(receiver, asset);
            assertEquals(got.get(0).id(), got.get(1).id(), "a replay keeps the webhook-id");
            assertEquals(got.get(0).body(), got.get(1).body());
            Api.badRequestAs("maidstone.editor").contentType("application/json").header("If-Match", "*")
                    .body(Map.of("after", "bm90LWEtY3Vyc29y")).post("/webhook-subscriptions/" + s.id() + "/replays")
                    .then().statusCode(400);
            unsubscribe("maidstone.editor", s.id());
        }
    }

    @Test
    void pausedHoldsEventsAndResumedSendsThem() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Subscription s = subscribe(Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET), receiver.url(),
                    List.of("CREATED"));
            String etag = Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET).header("If-Match", s.etag())
                    .body(Map.of("toStatus", "PAUSED")).post("/webhook-subscriptions/" + s.id() + "/status-changes")
                    .then().statusCode(200).extract().header("ETag");
            Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET).header("If-Match", etag)
                    .body(Map.of("toStatus", "PAUSED")).post("/webhook-subscriptions/" + s.id() + "/status-changes")
                    .then().statusCode(409);
            String asset = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Hook paused", 51.27, 0.52));
            Thread.sleep(1500);
            assertTrue(about(receiver, asset).isEmpty(), "delivered while paused");
            Api.asSystem("maidstone-system", Api.MAIDSTONE_SYSTEM_SECRET).header("If-Match", etag)
                    .body(Map.of("toStatus", "ACTIVE")).post("/webhook-subscriptions/" + s.id() + "/status-changes")
                    .then().statusCode(200);
            await("delivered once resumed", Duration.ofSeconds(20), () -> !about(receiver, asset).isEmpty());
            unsubscribe("maidstone.editor", s.id());
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneDuringTheOverlap() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Subscription s = subscribe("maidstone.editor", receiver.url(), List.of("CREATED"));
            Response rotated = Api.as("maidstone.editor").header("If-Match", s.etag()).body(Map.of("overlapMinutes", 60))
                    .post("/webhook-subscriptions/" + s.id() + "/secret-rotations");
            rotated.then().statusCode(200);
            String fresh = rotated.path("secret");
            assertTrue(fresh.startsWith("whsec_") && !fresh.equals(s.secret()));
            assertTrue(rotated.path("previousSecretExpiresAt") != null);
            String asset = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Hook rotated", 51.27, 0.52));
            await("delivered", Duration.ofSeconds(20), () -> !about(receiver, asset).isEmpty());
            Receiver.Request r = about(receiver, asset).get(0);
            assertEquals(expectedSignature(fresh, r.id(), r.timestamp(), r.body()) + " "
                    + expectedSignature(s.secret(), r.id(), r.timestamp(), r.body()), r.signature());

            Api.as("maidstone.editor").header("If-Match", rotated.header("ETag")).body(Map.of("overlapMinutes", 0))
                    .post("/webhook-subscriptions/" + s.id() + "/secret-rotations").then().statusCode(200);
            unsubscribe("maidstone.editor", s.id());
        }
    }

    @Test
    void aMetadataAddressIsRefusedAtSendTimeAndLogged() throws Exception {
        Subscription metadata = subscribe("maidstone.editor", "https://169.254.169.254/latest/meta-data/", List.of("CREATED"));
        Subscription privateNet = subscribe("maidstone.editor", "https://10.1.2.3:8443/hooks", List.of("CREATED"));
        AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Hook SSRF", 51.27, 0.52));
        for (var s : List.of(Map.entry(metadata, "the cloud metadata address"),
                Map.entry(privateNet, "a private (RFC 1918) address"))) {
            await("the refusal logged", Duration.ofSeconds(20), () -> {
                List<String> errors = Api.as("maidstone.editor")
                        .get("/webhook-subscriptions/" + s.getKey().id() + "/deliveries").path("items.lastError");
                return !errors.isEmpty() && errors.get(0) != null && errors.get(0).startsWith("refused: ")
                        && errors.get(0).contains(s.getValue());
            });
            unsubscribe("maidstone.editor", s.getKey().id());
        }
    }

    /**
     * The contract says the event types are unique: a repeated one is refused with its index, on create and
     * on update, and neither saves anything (Jackson would otherwise merge the repeat into the set unseen).
     */
    @Test
    void aRepeatedEventTypeIsRefusedNamingItsIndex() {
        int before = Api.as("maidstone.editor").get("/webhook-subscriptions").then().statusCode(200)
                .extract().path("items.size()");
        Response created = Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(Map.of("url", "http://localhost:9/hooks", "eventTypes", List.of("CREATED", "UPDATED", "CREATED")))
                .post("/webhook-subscriptions");
        created.then().statusCode(400);
        assertEquals("eventTypes[2]", created.path("errors[0].field"));
        assertEquals("repeats 'CREATED' (item 0); the items must be unique", created.path("errors[0].message"));
        assertEquals(before, (int) Api.as("maidstone.editor").get("/webhook-subscriptions").then().statusCode(200)
                .extract().path("items.size()"));

        Subscription s = subscribe("maidstone.editor", "http://localhost:9/hooks", List.of("CREATED"));
        try {
            Response updated = Api.badRequestAs("maidstone.editor").contentType("application/json")
                    .header("If-Match", s.etag())
                    .body(Map.of("url", "http://localhost:9/hooks", "eventTypes", List.of("DISPOSED", "DISPOSED")))
                    .put("/webhook-subscriptions/" + s.id());
            updated.then().statusCode(400);
            assertEquals("eventTypes[1]", updated.path("errors[0].field"));
            assertEquals(List.of("CREATED"), Api.as("maidstone.editor").get("/webhook-subscriptions/" + s.id())
                    .then().statusCode(200).extract().path("eventTypes"));
        } finally {
            unsubscribe("maidstone.editor", s.id());
        }
    }

    @Test
    void httpElsewhereThanLocalhostIsRefused() {
        Response r = Api.badRequestAs("maidstone.editor").contentType("application/json")
                .body(Map.of("url", "http://estates.maidstone.gov.uk/hooks", "eventTypes", List.of("CREATED")))
                .post("/webhook-subscriptions");
        r.then().statusCode(400);
        assertEquals("url", r.path("errors[0].field"));
    }

    /**
     * A second instance claiming from the same queue beside the service's own pump (its own connections,
     * instance name and sending): every attempt is made by one of them only, so the receiver, which always
     * answers 200, gets every event exactly once.
     */
    @Test
    void twoInstancesOnOneQueueSendEachAttemptOnce() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            Subscription s = subscribe("maidstone.editor", receiver.url(), List.of("CREATED"));
            AtomicBoolean running = new AtomicBoolean(true);
            Thread second = new Thread(() -> {
                while (running.get()) {
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        List<WebhookQueue.Claimed> claimed = queue.claim(c, "second-instance", 4);
                        c.commit();
                        for (WebhookQueue.Claimed d : claimed) {
                            WebhookQueue.Outcome outcome = sender.send(d);
                            queue.complete(c, d, "second-instance", outcome);
                            c.commit();
                        }
                        c.setAutoCommit(true);
                        Thread.sleep(20);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            second.start();
            List<String> assets = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                assets.add(AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Hook twice " + i, 51.27, 0.52)));
            }
            await("all twenty delivered", Duration.ofSeconds(40),
                    () -> assets.stream().allMatch(a -> !about(receiver, a).isEmpty()));
            Thread.sleep(1000);
            running.set(false);
            second.join(10_000);
            Map<String, Integer> perId = new LinkedHashMap<>();
            receiver.requests.forEach(r -> perId.merge(r.id(), 1, Integer::sum));
            assertEquals(20, perId.size());
            assertTrue(perId.values().stream().allMatch(n -> n == 1), "sent twice: " + perId);
            Map<String, Integer> byInstance = new HashMap<>();
            try (Connection c = dataSource.getConnection(); var st = c.prepareStatement("select a.instance, count(*)"
                    + " from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id"
                    + " where d.subscription_id = cast(? as uuid) group by a.instance")) {
                st.setString(1, s.id());
                var rows = st.executeQuery();
                while (rows.next()) {
                    byInstance.put(rows.getString(1), rows.getInt(2));
                }
            }
            System.out.println("webhook attempts by instance: " + byInstance);
            assertEquals(20, byInstance.values().stream().mapToInt(Integer::intValue).sum(), byInstance.toString());
            unsubscribe("maidstone.editor", s.id());
        }
    }
}
