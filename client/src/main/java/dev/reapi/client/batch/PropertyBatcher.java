package dev.reapi.client.batch;

import dev.reapi.client.NotFoundException;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.UnexpectedResponseException;
import dev.reapi.client.internal.Delayer;
import dev.reapi.client.internal.ErrorMapper;
import dev.reapi.client.internal.TimerDelayer;
import dev.reapi.client.model.BulkRequest;
import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.PropertyIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Coalesces concurrent single-property lookups into bulk calls. A window opens at its first lookup
 * and stays open while lookups keep joining it: it ends when {@code maxWait} passes with no new id
 * joining, when {@code maxHold} has passed since it opened, or at once when it reaches {@code
 * maxBatchSize} distinct ids. A lone lookup therefore goes after {@code maxWait}, while a burst
 * fills windows of up to {@code maxHold} worth of lookups. An id asked for twice in a window is
 * fetched once, and a lookup of an id whose bulk call is already in flight joins that call. Each
 * caller's future completes with its property, with {@link NotFoundException} when the bulk answer
 * lists the id as missing, or with the bulk call's own failure.
 *
 * <p>When a window ends while {@code maxInFlight} bulk calls are still out, it stays open: it is
 * sent as soon as one of them returns, or {@code maxWait} later at the latest, so a slow call never
 * holds lookups back by more than that. A full window is sent at once whatever is in flight.
 *
 * <p>Thread-safe. {@link #close()} sends what is pending and refuses later lookups.
 */
public final class PropertyBatcher implements AutoCloseable {

    /**
     * Fetches one batch.
     *
     * <p>Implementations call the bulk endpoint with {@code ids}, sending {@code requestId}.
     */
    @FunctionalInterface
    public interface BulkFetcher {

        /** Fetches {@code ids} (1..1000 distinct valid ids) in one call. */
        CompletableFuture<BulkResult> fetch(List<String> ids, String requestId);
    }

    /**
     * Batching settings.
     *
     * @param maxBatchSize distinct ids per bulk call, 1..1000 (default 100)
     * @param maxWait the quiet gap that ends a window: how long it waits for the next id to join
     *     (default 10 ms)
     * @param maxHold how long a window stays open at most while ids keep joining it (default
     *     {@value #DEFAULT_MAX_HOLD_MILLIS} ms); below {@code maxWait} it cuts every window short
     * @param maxInFlight bulk calls out at once before an ended window waits for one to return (up
     *     to another {@code maxWait}), 1..1000 (default {@value #DEFAULT_MAX_IN_FLIGHT})
     */
    public record Options(int maxBatchSize, Duration maxWait, Duration maxHold, int maxInFlight) {

        /** Bulk calls out at once when not given. */
        public static final int DEFAULT_MAX_IN_FLIGHT = 1;

        /** The longest a window stays open, in milliseconds, when not given. */
        public static final int DEFAULT_MAX_HOLD_MILLIS = 40;

        /** Validates the settings. */
        public Options {
            if (maxBatchSize < 1 || maxBatchSize > BulkRequest.MAX_IDS) {
                throw new IllegalArgumentException(
                        "maxBatchSize must be in 1..1000, got " + maxBatchSize);
            }
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative, got " + maxWait);
            }
            if (maxHold.isNegative()) {
                throw new IllegalArgumentException("maxHold must not be negative, got " + maxHold);
            }
            if (maxInFlight < 1 || maxInFlight > 1000) {
                throw new IllegalArgumentException(
                        "maxInFlight must be in 1..1000, got " + maxInFlight);
            }
        }

        /**
         * {@code maxBatchSize}, {@code maxWait} and {@code maxInFlight}, holding a window open for
         * {@value #DEFAULT_MAX_HOLD_MILLIS} ms at most, or {@code maxWait} when that is longer.
         */
        public Options(int maxBatchSize, Duration maxWait, int maxInFlight) {
            this(maxBatchSize, maxWait, defaultHold(maxWait), maxInFlight);
        }

        /**
         * {@code maxBatchSize} and {@code maxWait} with {@value #DEFAULT_MAX_IN_FLIGHT} in flight
         * and the default hold.
         */
        public Options(int maxBatchSize, Duration maxWait) {
            this(maxBatchSize, maxWait, DEFAULT_MAX_IN_FLIGHT);
        }

        /** 100 ids, 10 ms, {@value #DEFAULT_MAX_HOLD_MILLIS} ms, 1 in flight. */
        public static Options defaults() {
            return new Options(100, Duration.ofMillis(10));
        }

        private static Duration defaultHold(Duration maxWait) {
            Duration hold = Duration.ofMillis(DEFAULT_MAX_HOLD_MILLIS);
            return maxWait.compareTo(hold) > 0 ? maxWait : hold;
        }
    }

    /**
     * What the batcher has done so far.
     *
     * @param lookups calls to {@link #get(String)}
     * @param batches bulk calls sent
     * @param idsSent ids sent across all bulk calls (lookups minus those shared in a window)
     */
    public record Stats(long lookups, long batches, long idsSent) {}

    private final BulkFetcher fetcher;
    private final Options options;
    private final Delayer delayer;
    private final @Nullable TimerDelayer timer;
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong idsSent = new AtomicLong();
    private Map<String, CompletableFuture<Property>> pending = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Property>> inFlight = new HashMap<>();
    private long window;
    // Counts ids that joined a window; a quiet-gap timer whose count is stale does nothing.
    private long joins;
    // The window whose time is up but which waits for a bulk call to return; -1 when none.
    private long held = -1;
    private int flying;
    private boolean closed;

    PropertyBatcher(BulkFetcher fetcher, Options options, @Nullable Delayer delayer) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.options = Objects.requireNonNull(options, "options");
        if (delayer == null) {
            TimerDelayer ownTimer = new TimerDelayer("reapi-batcher");
            this.timer = ownTimer;
            this.delayer = ownTimer;
        } else {
            this.timer = null;
            this.delayer = delayer;
        }
    }

    /** A batcher over {@code client}'s bulk endpoint with {@link Options#defaults()}. */
    public static PropertyBatcher of(RealEstateApiClient client) {
        return of(client, Options.defaults());
    }

    /** A batcher over {@code client}'s bulk endpoint. */
    public static PropertyBatcher of(RealEstateApiClient client, Options options) {
        return create(
                (ids, requestId) -> client.withRequestId(requestId).getPropertiesAsync(ids),
                options);
    }

    /** A batcher over any bulk source, e.g. a cache-aware one. */
    public static PropertyBatcher create(BulkFetcher fetcher, Options options) {
        return new PropertyBatcher(fetcher, options, null);
    }

    /**
     * The property with {@code id}, fetched in the next bulk call.
     *
     * @throws IllegalArgumentException when {@code id} is not a valid property id
     * @throws IllegalStateException after {@link #close()}
     */
    public CompletableFuture<Property> get(String id) {
        PropertyIds.requireValid(id);
        lookups.incrementAndGet();
        CompletableFuture<Property> shared;
        Map<String, CompletableFuture<Property>> full = null;
        long openedWindow = -1;
        long joinedWindow = -1;
        long joined = 0;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(
                        "the batcher is closed; lookup of " + id + " refused");
            }
            shared = pending.get(id);
            if (shared == null) {
                shared = inFlight.get(id);
            }
            if (shared == null) {
                shared = new CompletableFuture<>();
                pending.put(id, shared);
                joined = ++joins;
                joinedWindow = window;
                if (pending.size() == 1) {
                    openedWindow = window;
                }
                if (pending.size() >= options.maxBatchSize()) {
                    full = takePending();
                    openedWindow = -1;
                    joinedWindow = -1;
                }
            }
        }
        if (joinedWindow >= 0) {
            long expectedWindow = joinedWindow;
            long expectedJoins = joined;
            delayer.schedule(() -> endIfQuiet(expectedWindow, expectedJoins), options.maxWait());
        }
        if (openedWindow >= 0) {
            long expected = openedWindow;
            delayer.schedule(() -> endWindow(expected), options.maxHold());
        }
        if (full != null) {
            send(full);
        }
        return shared.copy();
    }

    /** Sends what is pending now instead of waiting for the window to end. */
    public void flush() {
        Map<String, CompletableFuture<Property>> batch;
        synchronized (this) {
            batch = takePending();
        }
        send(batch);
    }

    /** Counts of lookups, bulk calls and ids sent so far. */
    public Stats stats() {
        return new Stats(lookups.get(), batches.get(), idsSent.get());
    }

    /** Sends what is pending and refuses later lookups; the bulk source stays open. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        flush();
        if (timer != null) {
            timer.close();
        }
    }

    private void endIfQuiet(long expectedWindow, long expectedJoins) {
        Map<String, CompletableFuture<Property>> batch;
        synchronized (this) {
            if (joins != expectedJoins) {
                return;
            }
            batch = end(expectedWindow);
        }
        send(batch);
    }

    private void endWindow(long expected) {
        Map<String, CompletableFuture<Property>> batch;
        synchronized (this) {
            batch = end(expected);
        }
        send(batch);
    }

    /**
     * Ends the window if it is still open: takes it, or holds it while too many calls are out. The
     * caller holds the lock.
     */
    private Map<String, CompletableFuture<Property>> end(long expected) {
        if (window != expected || held == expected) {
            return Map.of();
        }
        if (flying >= options.maxInFlight() && !closed) {
            held = expected;
            delayer.schedule(() -> releaseHeld(expected), options.maxWait());
            return Map.of();
        }
        return takePending();
    }

    private void releaseHeld(long expected) {
        Map<String, CompletableFuture<Property>> batch;
        synchronized (this) {
            if (window != expected) {
                return;
            }
            batch = takePending();
        }
        send(batch);
    }

    /** Swaps in an empty window and marks the old one in flight; the caller holds the lock. */
    private Map<String, CompletableFuture<Property>> takePending() {
        Map<String, CompletableFuture<Property>> batch = pending;
        pending = new LinkedHashMap<>();
        window++;
        held = -1;
        if (!batch.isEmpty()) {
            flying++;
            inFlight.putAll(batch);
        }
        return batch;
    }

    /** Ends a bulk call; returns the held window to send now, if one was waiting for this. */
    private synchronized Map<String, CompletableFuture<Property>> landed(
            Map<String, CompletableFuture<Property>> batch) {
        batch.forEach(inFlight::remove);
        flying--;
        if (held == window && flying < options.maxInFlight()) {
            return takePending();
        }
        return Map.of();
    }

    private void send(Map<String, CompletableFuture<Property>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(batch.keySet());
        String requestId = "batch-" + UUID.randomUUID();
        batches.incrementAndGet();
        idsSent.addAndGet(ids.size());
        CompletableFuture<BulkResult> answer;
        try {
            answer = fetcher.fetch(ids, requestId);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        var unused =
                answer.whenComplete(
                        (result, failure) -> {
                            send(landed(batch));
                            complete(batch, requestId, result, failure);
                        });
    }

    private static void complete(
            Map<String, CompletableFuture<Property>> batch,
            String requestId,
            @Nullable BulkResult result,
            @Nullable Throwable failure) {
        if (result == null) {
            Throwable cause = failure == null ? new IllegalStateException("no result") : failure;
            Throwable unwrapped = ErrorMapper.unwrap(cause);
            batch.values().forEach(f -> f.completeExceptionally(unwrapped));
            return;
        }
        Map<String, Property> found = result.byId();
        Set<String> missing = new HashSet<>(result.missing());
        batch.forEach(
                (id, future) -> {
                    Property property = found.get(id);
                    if (property != null) {
                        future.complete(property);
                    } else if (missing.contains(id)) {
                        future.completeExceptionally(
                                new NotFoundException(
                                        "getPropertiesBulk",
                                        404,
                                        requestId,
                                        "no property with id " + id,
                                        null));
                    } else {
                        future.completeExceptionally(
                                new UnexpectedResponseException(
                                        "getPropertiesBulk",
                                        200,
                                        requestId,
                                        "the bulk answer neither found nor missed id " + id,
                                        null));
                    }
                });
    }
}
