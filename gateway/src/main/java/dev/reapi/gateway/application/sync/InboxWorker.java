package dev.reapi.gateway.application.sync;

import dev.reapi.gateway.application.port.out.WebhookInbox;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies pending webhook events from the inbox on one thread, oldest {@code changed_at} first, so
 * that events of one property are applied in their upstream order. {@link #start} drains whatever
 * an earlier process acknowledged but did not apply; {@link #wake} is called after each insert.
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

    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);

    private final WebhookInbox inbox;
    private final ChangeApplier applier;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("webhook-inbox").factory());
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** A worker applying {@code inbox}'s events with {@code applier}. */
    public InboxWorker(WebhookInbox inbox, ChangeApplier applier) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.applier = Objects.requireNonNull(applier, "applier");
    }

    /** Starts applying, beginning with events left pending by an earlier run. */
    public void start() {
        LOG.info("Webhook inbox worker started; pending events: {}", inbox.counts().pending());
        wake();
    }

    /** Asks the worker to drain the inbox; returns at once. */
    public void wake() {
        if (scheduled.compareAndSet(false, true) && !executor.isShutdown()) {
            executor.execute(this::drain);
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

    /** Stops after the event being applied; pending events stay for the next start. */
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
