package dev.reapi.gateway.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test advances it. Thread-safe. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** A clock showing {@code start}, in UTC. */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /** A clock showing 2026-01-01T00:00:00Z. */
    public static MutableClock atEpochOf2026() {
        return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** A clock showing 2026-12-01T10:00:00Z: a working day, mid-morning UTC. */
    public static MutableClock standard() {
        return new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    }

    /** Moves the clock forward by {@code step}. */
    public synchronized void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("MutableClock is always UTC");
    }
}
