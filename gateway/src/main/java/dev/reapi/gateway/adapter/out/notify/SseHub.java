package dev.reapi.gateway.adapter.out.notify;

import dev.reapi.gateway.application.notify.NotificationStreams;
import dev.reapi.gateway.application.port.out.Outbox;
import dev.reapi.gateway.domain.notify.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds server-sent event streams from the outbox. One background thread reads, for every open
 * subscription, the rows after the last sequence number it sent, every poll interval. Reading the
 * database rather than an in-memory bus means a stream sees notifications appended by any gateway
 * instance, and gap-free sequence numbers mean it never skips one.
 *
 * <p>Cost: one small indexed query per subscription per interval. Thread-safe.
 */
public final class SseHub implements NotificationStreams, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SseHub.class);
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final Duration interval;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor;

    /** A hub polling every {@code interval} (e.g. 250 ms); {@link #start} begins. */
    public SseHub(Outbox outbox, Duration interval) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.executor =
                Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("reapi-sse-hub").daemon(true).factory());
    }

    /** Starts polling. */
    // poll() catches every failure itself, so the periodic future never completes exceptionally.
    @SuppressWarnings("FutureReturnValueIgnored")
    public void start() {
        executor.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public AutoCloseable subscribe(String userId, long afterSeq, Consumer<Notification> sink) {
        var subscription = new Subscription(userId, afterSeq, sink);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    /** How many streams are open. */
    public int size() {
        return subscriptions.size();
    }

    private void poll() {
        List<Subscription> broken = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            try {
                subscription.catchUp();
            } catch (RuntimeException e) {
                // A broken client connection: drop it; the client reconnects with Last-Event-ID.
                broken.add(subscription);
                LOG.info(
                        "Notification stream of user {} closed: {}",
                        subscription.userId,
                        e.toString());
            }
        }
        broken.forEach(subscriptions::remove);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        subscriptions.clear();
    }

    private final class Subscription {
        private final String userId;
        private final Consumer<Notification> sink;
        private long lastSeq;

        Subscription(String userId, long afterSeq, Consumer<Notification> sink) {
            this.userId = userId;
            this.lastSeq = afterSeq;
            this.sink = sink;
        }

        void catchUp() {
            List<Notification> rows;
            do {
                rows = outbox.listForUser(userId, lastSeq, BATCH);
                for (Notification row : rows) {
                    sink.accept(row);
                    lastSeq = row.seq();
                }
            } while (rows.size() == BATCH);
        }
    }
}
