package org.estatehub.common.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * One token bucket per caller: {@code burst} requests at once, refilled at {@code requestsPerSecond}.
 * <p>
 * Each bucket is a single {@link AtomicLong}, the "theoretical arrival time" of the generic cell rate
 * algorithm (GCRA, ITU-T I.371), which is an exact token bucket that needs no refill timer and no lock:
 * a request moves the time on by one interval ({@code 1 s / requestsPerSecond}) with one compare-and-set,
 * and is refused when that would put the time more than {@code burst} intervals ahead of now. Concurrent
 * requests of the same caller retry the CAS; different callers never touch the same memory.
 * <p>
 * Memory is bounded whatever the number of callers: at most {@code maxCallers} buckets (Caffeine, evicting
 * by frequency and recency, so a flood of one-off callers evicts mostly itself), and a bucket unused for
 * as long as it takes to fill up again is dropped, which loses nothing because a new bucket starts full.
 */
public final class TokenBuckets {

    /** What the bucket said about one request, with the figures the RateLimit headers carry. */
    public record Decision(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final long interval;
    private final long capacity;
    private final long burst;
    private final Ticker ticker;
    private final Cache<String, AtomicLong> buckets;

    public TokenBuckets(double requestsPerSecond, long burst, long maxCallers, Ticker ticker) {
        if (!(requestsPerSecond > 0) || burst < 1 || maxCallers < 1) {
            throw new IllegalArgumentException("requests-per-second must be over 0, burst and max-callers at least 1");
        }
        this.interval = Math.max(1, Math.round(NANOS_PER_SECOND / requestsPerSecond));
        this.capacity = Math.multiplyExact(burst, interval);
        this.burst = burst;
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxCallers)
                .expireAfterAccess(Duration.ofNanos(capacity).plusSeconds(1))
                .ticker(ticker)
                // Upkeep (evicting, expiring) on the calling thread: a few pointer moves, no pool to wait for.
                .executor(Runnable::run)
                .build();
    }

    /** Takes one token from the caller's bucket, if it has one. */
    public Decision take(String caller) {
        AtomicLong arrival = buckets.get(caller, key -> new AtomicLong(Long.MIN_VALUE));
        long now = ticker.read();
        while (true) {
            long current = arrival.get();
            // How far ahead of now the bucket's time would be with this request: how empty it would be.
            long ahead = Math.max(current, now) + interval - now;
            if (ahead > capacity) {
                return new Decision(false, 0, seconds(current - now), Math.max(1, seconds(ahead - capacity)));
            }
            if (arrival.compareAndSet(current, now + ahead)) {
                return new Decision(true, (capacity - ahead) / interval, seconds(ahead), 0);
            }
        }
    }

    /** The policy's quota: requests at once. */
    public long burst() {
        return burst;
    }

    /** The policy's window: whole seconds an empty bucket takes to fill up again (at least 1). */
    public long windowSeconds() {
        return Math.max(1, seconds(capacity));
    }

    /** Buckets currently kept, for tests of the memory bound. */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** Nanoseconds rounded up to whole seconds (0 for none). */
    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }
}
