import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.estatehub.common.ratelimit.TokenBuckets;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * What the rate limiter's bucket costs per request, in nanoseconds, independent of the HTTP stack: the
 * CPU-bound part of "Rate limiter cost" in bench/README.md. Not JMH (the project has no JMH dependency):
 * warm-up rounds, then the best of several timed rounds, and a checksum so the JIT cannot drop the work.
 *
 *   mvn -q compile && java -cp "target/classes:$(ls ~/.m2/repository/com/github/ben-manes/caffeine/caffeine/*/caffeine-*.jar | tail -n 1)" bench/LimiterCost.java
 */
public class LimiterCost {

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        int operations = 2_000_000;
        System.out.printf("one caller, 1 thread:         %6.1f ns/request%n", run(1, 1, operations));
        System.out.printf("one caller, 2 threads:        %6.1f ns/request%n", run(2, 1, operations));
        System.out.printf("10,000 callers, 1 thread:     %6.1f ns/request%n", run(1, 10_000, operations));
        System.out.printf("10,000 callers, 2 threads:    %6.1f ns/request%n", run(2, 10_000, operations));
        System.out.printf("header values (2 strings):    %6.1f ns/request%n", headers(operations));
    }

    /** Best of 5 rounds after 5 warm-up rounds: wall time of `threads` threads / all their requests. */
    static double run(int threads, int callers, int operations) throws Exception {
        TokenBuckets buckets = new TokenBuckets(10_000_000, 1_000_000_000, 100_000, Ticker.systemTicker());
        String[] keys = new String[callers];
        for (int i = 0; i < callers; i++) {
            keys[i] = "user:" + java.util.UUID.randomUUID();
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                Thread worker = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    long remaining = 0;
                    for (int i = 0; i < operations; i++) {
                        remaining += buckets.take(keys[(i + offset) % callers]).remaining();
                    }
                    sink += remaining;
                });
                worker.start();
                workers.add(worker);
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            double ns = (double) (System.nanoTime() - t0) / ((long) operations * threads);
            if (round >= 5) {
                best = Math.min(best, ns);
            }
        }
        return best;
    }

    /** The two header values RateLimits formats per request. */
    static double headers(int operations) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long t0 = System.nanoTime();
            long length = 0;
            for (int i = 0; i < operations; i++) {
                length += ("\"default\";r=" + (i & 1023) + ";t=" + (i & 7)).length();
            }
            sink += length;
            double ns = (double) (System.nanoTime() - t0) / operations;
            if (round >= 5) {
                best = Math.min(best, ns);
            }
        }
        return best;
    }
}
