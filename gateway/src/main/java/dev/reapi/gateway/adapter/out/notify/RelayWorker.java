package dev.reapi.gateway.adapter.out.notify;

import dev.reapi.gateway.application.notify.OutboxRelay;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link OutboxRelay#relayOnce} on one background thread: at once again while batches come
 * back full, otherwise every {@code interval}. Thread-safe.
 */
public final class RelayWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RelayWorker.class);

    private final OutboxRelay relay;
    private final Duration interval;
    private final ScheduledExecutorService executor;

    /** A worker polling every {@code interval} (e.g. 500 ms); {@link #start} begins. */
    public RelayWorker(OutboxRelay relay, Duration interval) {
        this.relay = Objects.requireNonNull(relay, "relay");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.executor =
                Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("reapi-outbox-relay").daemon(true).factory());
    }

    /** Starts polling. */
    // drain() catches every failure itself, so the periodic future never completes exceptionally.
    @SuppressWarnings("FutureReturnValueIgnored")
    public void start() {
        executor.scheduleWithFixedDelay(this::drain, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Outbox relay started, polling every {} ms", interval.toMillis());
    }

    private void drain() {
        try {
            while (relay.relayOnce() > 0 && !Thread.currentThread().isInterrupted()) {
                // Keep going while there is a backlog.
            }
        } catch (RuntimeException e) {
            LOG.error("Outbox relay pass failed; retrying in {} ms", interval.toMillis(), e);
        }
    }

    /** Stops polling, waiting up to 10 s for a pass in progress. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("Outbox relay stopped");
    }
}
