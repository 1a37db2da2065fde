package dev.reapi.gateway.application.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counters of batch sync, shared by both upstream feeds so that dashboards and {@code reapi
 * sync} read the same meters whichever provider is behind the gateway: {@code reapi.sync.pages} (a
 * feed page on v1, a chunk of a change file on v2), {@code reapi.sync.properties} and {@code
 * reapi.sync.changes}, all tagged {@code sync=batch}. Thread-safe.
 */
final class SyncMeters {

    private final Counter pages;
    private final Counter properties;
    private final Counter changes;

    SyncMeters(MeterRegistry meters) {
        pages = counter(meters, "reapi.sync.pages", "feed pages committed");
        properties = counter(meters, "reapi.sync.properties", "properties received");
        changes = counter(meters, "reapi.sync.changes", "changes newly recorded");
    }

    /** Counts one committed page of {@code received} properties recording {@code recorded}. */
    void committed(int received, int recorded) {
        pages.increment();
        properties.increment(received);
        changes.increment(recorded);
    }

    private static Counter counter(MeterRegistry meters, String name, String description) {
        return Counter.builder(name)
                .description(description)
                .tag("sync", BatchSync.CHECKPOINT)
                .register(meters);
    }
}
