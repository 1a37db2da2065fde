package dev.reapi.gateway.application.sync;

import dev.reapi.gateway.application.port.out.WebhookInbox;
import dev.reapi.gateway.application.port.out.WebhookInbox.Received;
import dev.reapi.gateway.domain.GatewayException;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts verified webhook events: stores each once in the inbox and hands it to the {@link
 * InboxWorker}. The caller answers 2xx once {@link #accept} returns, before the event is applied;
 * the stored event survives a crash and is applied at the next start.
 *
 * <p>Events arriving together are stored together (group commit): one writer thread takes every
 * event waiting, up to {@value #MAX_BATCH}, inserts them in one transaction and then releases their
 * callers. A lone event is written at once; under load a transaction carries many events, so the
 * database's commit cost is shared instead of paid per event. A failed transaction fails every
 * caller in it (the sender retries, and the inbox deduplicates). Thread-safe.
 */
public final class WebhookIngestion implements AutoCloseable {

    /** The most events one transaction stores. */
    static final int MAX_BATCH = 256;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIngestion.class);
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(30);

    private final WebhookInbox inbox;
    private final InboxWorker worker;
    private final Clock clock;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    private record Waiting(Received received, CompletableFuture<Boolean> stored) {}

    /** Ingestion into {@code inbox}, waking {@code worker}; starts the writer thread. */
    public WebhookIngestion(WebhookInbox inbox, InboxWorker worker, Clock clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.clock = Objects.requireNonNull(clock, "clock");
        // A platform thread: SQLite's driver blocks in native code (and sleeps there while another
        // connection holds the write lock), which would pin a virtual thread's carrier, one of the
        // few that serve every HTTP request.
        this.writer = Thread.ofPlatform().name("reapi-webhook-inbox").unstarted(this::writeLoop);
        writer.start();
    }

    /**
     * Stores {@code event} unless its {@code webhook-id} was seen before; returns once it is
     * committed.
     *
     * @param rawBody the body as received, kept for diagnosis
     * @return whether it was new (false for a redelivery or duplicate, which is still a success)
     * @throws GatewayException when it could not be stored (nothing was acknowledged)
     */
    public boolean accept(WebhookEvent event, String rawBody) {
        if (closed) {
            throw new GatewayException("webhook ingestion is shutting down");
        }
        var waiting =
                new Waiting(
                        new Received(event, rawBody, clock.instant()), new CompletableFuture<>());
        queue.add(waiting);
        try {
            return waiting.stored().get(WAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted while storing webhook " + event.webhookId(), e);
        } catch (ExecutionException e) {
            throw new GatewayException(
                    "could not store webhook " + event.webhookId() + ": " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new GatewayException(
                    "webhook " + event.webhookId() + " not stored within " + WAIT_LIMIT, e);
        }
    }

    /** Events waiting for the next transaction (for tests). */
    int waiting() {
        return queue.size();
    }

    private void writeLoop() {
        List<Waiting> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        queue.drainTo(batch);
        for (Waiting w : batch) {
            w.stored().completeExceptionally(new GatewayException("webhook ingestion closed"));
        }
    }

    private void store(List<Waiting> batch) {
        try {
            List<Boolean> fresh =
                    inbox.insertAllIfAbsent(batch.stream().map(Waiting::received).toList());
            boolean any = false;
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored().complete(fresh.get(i));
                any |= fresh.get(i);
            }
            if (any) {
                worker.wake();
            }
        } catch (RuntimeException e) {
            LOG.warn("Storing {} webhook events failed; their senders will retry", batch.size(), e);
            batch.forEach(w -> w.stored().completeExceptionally(e));
        }
    }

    /** Stops the writer after the transaction in progress; later events are refused. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(WAIT_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
