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
 *   mvn -B -q package -DskipTests && java -cp 'target/classes:target/quarkus-app/lib/main/*' bench/LimiterCost.java
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
        System.out.printf("token lookup (1,100 chars):   %6.1f ns/request%n", tokenLookup(operations));
        System.out.printf("405 check (/assets/{id}):     %6.1f ns/request%n", methodCheck(operations));
        System.out.printf("memory per bucket:            %6.0f bytes%n", bytesPerBucket());
    }

    /**
     * RateLimits finds the caller by the bearer token in VerifiedTokens' Caffeine cache: a fresh String per
     * request (as from the header), so its hash is computed over the whole token every time.
     */
    static double tokenLookup(int operations) {
        com.github.benmanes.caffeine.cache.Cache<String, Object> cache =
                com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2000).build();
        char[] token = new char[1100];
        java.util.Arrays.fill(token, 'x');
        cache.put(new String(token), new Object());
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long t0 = System.nanoTime();
            long found = 0;
            for (int i = 0; i < operations; i++) {
                if (cache.getIfPresent(new String(token)) != null) {
                    found++;
                }
            }
            sink += found;
            double ns = (double) (System.nanoTime() - t0) / operations;
            if (round >= 5) {
                best = Math.min(best, ns);
            }
        }
        return best;
    }

    /** MethodNotAllowed's lookup of the request's contract path (the contract from target/classes). */
    static double methodCheck(int operations) {
        org.estatehub.common.http.ContractOperations contract = org.estatehub.common.http.ContractOperations.get();
        String path = "/assets/0b6f2d0e-9a51-4f63-8d4e-1a2b3c4d5e6f";
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long t0 = System.nanoTime();
            long found = 0;
            for (int i = 0; i < operations; i++) {
                if (contract.path(path).isPresent()) {
                    found++;
                }
            }
            sink += found;
            double ns = (double) (System.nanoTime() - t0) / operations;
            if (round >= 5) {
                best = Math.min(best, ns);
            }
        }
        return best;
    }

    /** Heap used by 100,000 buckets of "user:<uuid>" keys, after GC, per bucket. */
    static double bytesPerBucket() throws InterruptedException {
        int callers = 100_000;
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        Thread.sleep(200);
        long before = runtime.totalMemory() - runtime.freeMemory();
        TokenBuckets buckets = new TokenBuckets(50, 200, callers, Ticker.systemTicker());
        for (int i = 0; i < callers; i++) {
            buckets.take("user:" + java.util.UUID.randomUUID());
        }
        System.gc();
        Thread.sleep(200);
        long after = runtime.totalMemory() - runtime.freeMemory();
        sink += buckets.take("user:x").remaining();
        return (double) (after - before) / callers;
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
