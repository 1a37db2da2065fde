package dev.reapi.gateway.application.sync;

import dev.reapi.gateway.application.port.out.WebhookInbox;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies pending webhook events from the inbox on one thread, oldest {@code changed_at} first, so
 * that events of one property are applied in their upstream order. {@link #start} drains whatever
 * an earlier process acknowledged but did not apply; {@link #wake} is called after each insert.
 *
 * <p>A wake applies after a short gathering delay (default {@link #DEFAULT_GATHER}), not at once:
 * the events that arrive meanwhile join the same batch. Under a steady stream of deliveries this
 * keeps the worker from applying a few events per transaction back to back, which would spend CPU
 * that the ingest path needs on per-transaction work (reading the rows, decoding and encoding each
 * property, the watcher queries) instead of sharing it over many events. A backlog of a full batch
 * or more is applied without waiting.
 *
 * <p>In a cluster every instance may run a worker: applying an event twice is harmless (the second
 * time it is no longer newer, or its changes are already recorded). Thread-safe.
 */
public final class InboxWorker implements AutoCloseable {

    /**
     * Events fetched and applied per transaction. Under a burst a batch holds several events of one
     * property, which are then decoded, written and committed once. On SQLite the inbox inserts
     * wait while a batch is applied, so a much larger one would show in the time to answer.
     */
    static final int BATCH = 500;

    /** How long a wake waits by default before applying, so that events are applied together. */
    public static final Duration DEFAULT_GATHER = Duration.ofMillis(50);

    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);

    private final WebhookInbox inbox;
    private final ChangeApplier applier;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("webhook-inbox").factory());
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final long gatherNanos;

    /**
     * A worker applying {@code inbox}'s events with {@code applier} after {@link #DEFAULT_GATHER}.
     */
    public InboxWorker(WebhookInbox inbox, ChangeApplier applier) {
        this(inbox, applier, DEFAULT_GATHER);
    }

    /**
     * A worker applying {@code inbox}'s events with {@code applier}, each wake after {@code
     * gather}.
     *
     * @param gather how long a wake waits for more events before applying; zero applies at once
     */
    public InboxWorker(WebhookInbox inbox, ChangeApplier applier, Duration gather) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.applier = Objects.requireNonNull(applier, "applier");
        if (gather.isNegative()) {
            throw new IllegalArgumentException("gather must be >= 0, was " + gather);
        }
        this.gatherNanos = gather.toNanos();
    }

    /** Starts applying, beginning with events left pending by an earlier run. */
    public void start() {
        LOG.info("Webhook inbox worker started; pending events: {}", inbox.counts().pending());
        wake();
    }

    /** Asks the worker to drain the inbox after the gathering delay; returns at once. */
    public void wake() {
        if (scheduled.compareAndSet(false, true) && !executor.isShutdown()) {
            // drain logs its own failures; the future has nothing more to tell.
            var unused = executor.schedule(this::drain, gatherNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void drain() {
        scheduled.set(false);
        try {
            List<WebhookEvent> batch;
            do {
                batch = inbox.pending(BATCH);
                // One transaction per batch: on SQLite the inbox inserts wait for the same write
                // lock, so a transaction per event would hold ingestion to the apply rate.
                applier.applyWebhooks(batch);
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            // The events stay pending; the next wake (next delivery or restart) retries them.
            LOG.error("Webhook inbox worker failed; pending events stay for the next round", e);
        }
    }

    /**
     * Stops after the batch being applied, and after a drain already asked for; pending events stay
     * for the next start.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Webhook inbox worker did not stop within 10 s; interrupting it");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
