package dev.reapi.gateway.application.cache;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one load cost upstream, counted by the loader as it goes, so that calls which failed are
 * accounted too. Thread-safe.
 */
public final class UpstreamUsage {

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger records = new AtomicInteger();

    /** Adds {@code callCount} upstream calls that billed {@code recordCount} records. */
    public void add(int callCount, int recordCount) {
        if (callCount < 0 || recordCount < 0) {
            throw new IllegalArgumentException(
                    "calls and records must be >= 0, were " + callCount + " and " + recordCount);
        }
        calls.addAndGet(callCount);
        records.addAndGet(recordCount);
    }

    /** Upstream calls counted so far. */
    public int calls() {
        return calls.get();
    }

    /** Records billed so far. */
    public int records() {
        return records.get();
    }
}
