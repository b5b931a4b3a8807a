package org.estatehub.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's {@link Clock} in @QuarkusTest runs: the system's UTC clock, unless a test fixes it at an
 * instant with {@link #fixAt} (and releases it in a finally block with {@link #release}). Only code that
 * takes "now" from the injected Clock sees the fixed instant.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static final AtomicReference<Instant> FIXED = new AtomicReference<>();

    public static void fixAt(Instant instant) {
        FIXED.set(instant);
    }

    public static void release() {
        FIXED.set(null);
    }

    @Override
    public Instant instant() {
        Instant fixed = FIXED.get();
        return fixed != null ? fixed : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("The service's clock is UTC");
    }
}
