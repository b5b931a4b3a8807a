package org.estatehub.common.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one clock every "now" comes from, so that rules that depend on time (expiry of a verified token, of
 * an Idempotency-Key record) can be tested at a chosen instant. UTC: stored times are timestamptz and
 * partner systems are not all in the same zone.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
