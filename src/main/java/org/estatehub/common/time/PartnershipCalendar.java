package org.estatehub.common.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * "Now" and "today" as the service decides them, always from the injected {@link Clock} (so tests can fix
 * time). Instants are UTC, as they are stored (timestamptz). Calendar dates (an MOU's expiry "today", the
 * current quarter, "not in the future") are England's: the partnership is in England, so a date turns over
 * at midnight in London, not at midnight UTC or wherever the database server happens to be.
 */
public final class PartnershipCalendar {

    /** The zone the partnership's calendar dates are in. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private PartnershipCalendar() {
    }

    /** The instant `clock` says, as a UTC timestamp to store or show. */
    public static OffsetDateTime timestamp(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The partnership's calendar date at the instant `clock` says. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
