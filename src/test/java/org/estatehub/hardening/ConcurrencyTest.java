package org.estatehub.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.estatehub.testing.Api;
import org.estatehub.testing.AssetFixtures;
import org.estatehub.testing.Keycloak;
import org.estatehub.testing.ProjectFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Writers racing each other with the same ETag: exactly one wins, every other one is told its copy is
 * stale (412), and the record moved exactly one version.
 */
@QuarkusTest
class ConcurrencyTest {

    static final int THREADS = 8;

    /** Runs the requests at the same moment (all threads released by one latch); returns the statuses. */
    static List<Response> race(IntFunction<Response> request) throws Exception {
        // Tokens are fetched before the race so the threads only race on the API.
        Keycloak.userToken("maidstone.editor");
        Keycloak.userToken("pmo.admin");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                Callable<Response> task = () -> {
                    start.await();
                    return request.apply(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<Integer, Integer> tally(List<Response> responses) {
        Map<Integer, Integer> tally = new TreeMap<>();
        responses.forEach(r -> tally.merge(r.statusCode(), 1, Integer::sum));
        return tally;
    }

    @Test
    void eightPutsWithTheSameETagOnAnAsset() throws Exception {
        String id = AssetFixtures.createId("maidstone.editor", AssetFixtures.asset("Race " + AssetFixtures.token(), 51.27, 0.52));
        List<Response> responses = race(n -> Api.as("maidstone.editor").header("If-Match", "\"0\"")
                .body(AssetFixtures.with(AssetFixtures.asset("Race winner " + n, 51.27, 0.52), "uprn", null,
                        "ownReference", "RACE-" + n))
                .put("/assets/" + id));

        assertEquals(Map.of(200, 1, 412, THREADS - 1), tally(responses), "statuses");
        Response winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        responses.stream().filter(r -> r.statusCode() == 412)
                .forEach(r -> assertEquals("application/problem+json", r.contentType()));
        Response now = Api.as("maidstone.editor").get("/assets/" + id);
        assertEquals(1, (int) now.path("version"));
        assertEquals("\"1\"", now.header("ETag"));
        assertEquals((String) winner.path("name"), now.path("name"), "the record is the winner's");
    }

    @Test
    void eightStageChangesWithTheSameETagOnAProject() throws Exception {
        String id = ProjectFixtures.createId("maidstone.editor", ProjectFixtures.project("Race " + AssetFixtures.token()));
        List<Response> responses = race(n -> Api.as("maidstone.editor").header("If-Match", "\"0\"")
                .body(Map.of("toStage", "PIPELINE", "note", "Racer " + n)).post("/projects/" + id + "/stage-changes"));

        assertEquals(Map.of(201, 1, 412, THREADS - 1), tally(responses), "statuses");
        Response now = Api.as("maidstone.editor").get("/projects/" + id);
        assertEquals(1, (int) now.path("version"));
        assertEquals("PIPELINE", now.path("stage"));
        // Started + exactly one change: a losing writer's history row was rolled back with it.
        assertEquals(2, Api.as("maidstone.editor").get("/projects/" + id + "/stage-changes")
                .jsonPath().getList("items").size());
    }

    @Test
    void eightCreatesWithTheSameUprn() throws Exception {
        String uprn = AssetFixtures.uprn();
        String token = AssetFixtures.token();
        List<Response> responses = race(n -> Api.badRequestAs("maidstone.editor")
                .contentType("application/json").accept("application/json")
                .body(AssetFixtures.with(AssetFixtures.asset("Twin " + token + " " + n, 51.27, 0.52), "uprn", uprn))
                .post("/assets"));

        assertEquals(Map.of(201, 1, 409, THREADS - 1), tally(responses), "statuses");
        assertEquals(1, (int) Api.as("maidstone.editor").get("/assets?q=" + token).path("total"));
    }
}
