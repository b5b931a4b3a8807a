package org.estatehub.common.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.estatehub.testing.FastTest;
import org.junit.jupiter.api.Test;

/** The token bucket's arithmetic, bound and thread safety, on a clock the test moves. */
@FastTest
class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(123_456_789L);

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void aFullBucketAllowsTheBurstThenRefusesWithTheWaitForOneToken() {
        TokenBuckets buckets = new TokenBuckets(1, 5, 100, now::get);
        for (int left = 4; left >= 0; left--) {
            TokenBuckets.Decision d = buckets.take("user:a");
            assertTrue(d.allowed());
            assertEquals(left, d.remaining());
            assertEquals(5 - left, d.resetSeconds(), "seconds until full again");
        }
        TokenBuckets.Decision refused = buckets.take("user:a");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(5, refused.resetSeconds());
        assertEquals(5, buckets.burst());
        assertEquals(5, buckets.windowSeconds());
    }

    @Test
    void tokensComeBackAtTheRate() {
        TokenBuckets buckets = new TokenBuckets(2, 2, 100, now::get);
        assertTrue(buckets.take("k").allowed());
        assertTrue(buckets.take("k").allowed());
        assertFalse(buckets.take("k").allowed());
        advance(499);
        assertFalse(buckets.take("k").allowed(), "half a second makes one token at 2/s, not 499 ms");
        advance(1);
        assertTrue(buckets.take("k").allowed());
        assertFalse(buckets.take("k").allowed());
        advance(10_000);
        // Idle for long: full again, never more than the burst.
        assertTrue(buckets.take("k").allowed());
        assertTrue(buckets.take("k").allowed());
        assertFalse(buckets.take("k").allowed());
    }

    @Test
    void retryAfterIsWholeSecondsAndAtLeastOne() {
        TokenBuckets slow = new TokenBuckets(1, 1, 100, now::get);
        assertTrue(slow.take("k").allowed());
        advance(900);
        assertEquals(1, slow.take("k").retryAfterSeconds(), "100 ms left rounds up to 1 s");
        TokenBuckets fast = new TokenBuckets(1000, 1, 100, now::get);
        assertTrue(fast.take("k").allowed());
        assertEquals(1, fast.take("k").retryAfterSeconds(), "1 ms left is still at least 1 s");
    }

    @Test
    void callersHaveTheirOwnBuckets() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, now::get);
        assertTrue(buckets.take("user:a").allowed());
        assertFalse(buckets.take("user:a").allowed());
        assertTrue(buckets.take("user:b").allowed());
        assertTrue(buckets.take("client:maidstone-system").allowed());
    }

    @Test
    void memoryIsBoundedWhateverTheNumberOfCallers() {
        TokenBuckets buckets = new TokenBuckets(50, 200, 1_000, now::get);
        for (int i = 0; i < 50_000; i++) {
            buckets.take("address:10.0." + (i / 256) + "." + (i % 256));
        }
        assertTrue(buckets.size() <= 1_000, "kept " + buckets.size());
    }

    @Test
    void anIdleBucketIsDroppedOnceItWouldBeFullAgain() {
        TokenBuckets buckets = new TokenBuckets(50, 200, 1_000, now::get);
        buckets.take("user:a");
        assertEquals(1, buckets.size());
        advance(4_000 + 1_000 + 1); // 200 / 50 s to refill, plus the second of slack
        assertEquals(0, buckets.size());
    }

    @Test
    void concurrentRequestsOfOneCallerNeverGetMoreThanTheBurst() throws Exception {
        // The clock stands still, so exactly `burst` of the 80,000 concurrent takes may succeed.
        TokenBuckets buckets = new TokenBuckets(1, 1_000, 100, now::get);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                counts.add(pool.submit(() -> {
                    int allowed = 0;
                    for (int i = 0; i < 10_000; i++) {
                        if (buckets.take("user:hot").allowed()) {
                            allowed++;
                        }
                    }
                    return allowed;
                }));
            }
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get(1, TimeUnit.MINUTES);
            }
            assertEquals(1_000, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
