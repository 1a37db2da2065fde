package dev.reapi.sandbox.market;

import dev.reapi.sandbox.FaultSettings;
import dev.reapi.sandbox.MarketChange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers market events to registered endpoints, signed per Standard Webhooks, on its own
 * executor: publishing never blocks the caller. A non-2xx answer or a connection failure is retried
 * with exponential backoff (0.5 s doubling, at most {@value #MAX_ATTEMPTS} attempts); a redelivery
 * keeps the {@code webhook-id}. Thread-safe.
 */
public final class WebhookDispatcher implements AutoCloseable {
    static final int MAX_ATTEMPTS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int REORDER_WINDOW = 8;

    private final Clock clock;
    private final Supplier<FaultSettings.WebhookFaults> faults;
    private final long backoffBaseMs;
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final SplittableRandom random;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("sandbox-webhooks").factory());
    private final HttpClient http;
    private final long seed;

    public WebhookDispatcher(
            Clock clock,
            long seed,
            Supplier<FaultSettings.WebhookFaults> faults,
            long backoffBaseMs) {
        this.clock = clock;
        this.seed = seed;
        this.faults = faults;
        this.backoffBaseMs = backoffBaseMs;
        this.random = new SplittableRandom(seed ^ 0x3EB_400CL);
        this.http =
                HttpClient.newBuilder()
                        .executor(workers)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
    }

    /** Registers an endpoint; returns its id ({@code ep_} + a number). */
    public String register(String url, String secret) {
        Endpoint e =
                new Endpoint(
                        "ep_" + (endpoints.size() + 1), URI.create(url), new WebhookSigner(secret));
        endpoints.add(e);
        LOG.info("Webhook endpoint {} registered for {}", e.id, e.uri);
        return e.id;
    }

    /** Queues the events of these changes for every endpoint. */
    public void publish(List<MarketChange> changes) {
        if (endpoints.isEmpty()) {
            return;
        }
        List<Event> events = new ArrayList<>();
        for (MarketChange c : changes) {
            if (c.statusChanged()) {
                events.add(event("property.status_changed", c, statusData(c)));
            }
            if (c.priceChanged()) {
                events.add(event("property.price_changed", c, priceData(c)));
            }
        }
        FaultSettings.WebhookFaults f = faults.get();
        List<Event> queue = new ArrayList<>(events.size());
        synchronized (random) {
            for (Event e : events) {
                queue.add(e);
                if (f.duplicateRate() > 0 && random.nextDouble() < f.duplicateRate()) {
                    queue.add(e);
                }
            }
            if (f.reorder()) {
                for (int i = 0; i < queue.size(); i += REORDER_WINDOW) {
                    Collections.shuffle(
                            queue.subList(i, Math.min(queue.size(), i + REORDER_WINDOW)),
                            new java.util.Random(random.nextLong()));
                }
            }
        }
        for (Endpoint endpoint : endpoints) {
            for (Event e : queue) {
                schedule(endpoint, e, 1, f.delayMs());
            }
        }
    }

    private Event event(String type, MarketChange c, String data) {
        long n = sequence.incrementAndGet();
        String id = "msg_" + Long.toHexString(seed) + "_" + n;
        String body =
                "{\"type\":\""
                        + type
                        + "\",\"timestamp\":\""
                        + c.changedAt()
                        + "\",\"data\":"
                        + data
                        + "}";
        return new Event(id, body);
    }

    private static String statusData(MarketChange c) {
        return "{\"property_id\":\""
                + c.propertyId()
                + "\",\"old_status\":\""
                + c.oldStatus()
                + "\",\"new_status\":\""
                + c.newStatus()
                + "\",\"changed_at\":\""
                + c.changedAt()
                + "\"}";
    }

    private static String priceData(MarketChange c) {
        return "{\"property_id\":\""
                + c.propertyId()
                + "\",\"old_price\":"
                + c.oldPrice()
                + ",\"new_price\":"
                + c.newPrice()
                + ",\"changed_at\":\""
                + c.changedAt()
                + "\"}";
    }

    private void schedule(Endpoint endpoint, Event event, int attempt, long delayMs) {
        if (timer.isShutdown()) {
            return;
        }
        var unused =
                timer.schedule(
                        () -> workers.execute(() -> deliver(endpoint, event, attempt)),
                        delayMs,
                        TimeUnit.MILLISECONDS);
    }

    private void deliver(Endpoint endpoint, Event event, int attempt) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request =
                HttpRequest.newBuilder(endpoint.uri)
                        .timeout(Duration.ofSeconds(10))
                        .header("content-type", "application/json")
                        .header("webhook-id", event.id)
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header(
                                "webhook-signature",
                                endpoint.signer.sign(event.id, timestamp, event.body))
                        .POST(HttpRequest.BodyPublishers.ofString(event.body))
                        .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (status >= 200 && status < 300) {
            return;
        }
        if (attempt >= MAX_ATTEMPTS) {
            LOG.warn(
                    "Webhook {} to endpoint {} dropped after {} attempts (last status {})",
                    event.id,
                    endpoint.id,
                    attempt,
                    status);
            return;
        }
        long backoff = backoffBaseMs << (attempt - 1);
        schedule(endpoint, event, attempt + 1, backoff + faults.get().delayMs());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
        http.shutdownNow();
    }

    private record Endpoint(String id, URI uri, WebhookSigner signer) {}

    private record Event(String id, String body) {}
}
