package dev.reapi.client.enrich;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Runs async tasks with at most {@code limit} in flight, queueing the rest. Thread-safe. */
final class AsyncLimiter {

    private final int limit;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    AsyncLimiter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, got " + limit);
        }
        this.limit = limit;
    }

    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start =
                () -> {
                    CompletableFuture<T> started;
                    try {
                        started = task.get();
                    } catch (RuntimeException e) {
                        started = CompletableFuture.failedFuture(e);
                    }
                    var unused =
                            started.whenComplete(
                                    (value, failure) -> {
                                        release();
                                        if (failure != null) {
                                            result.completeExceptionally(failure);
                                        } else {
                                            result.complete(value);
                                        }
                                    });
                };
        boolean runNow;
        synchronized (this) {
            runNow = running < limit;
            if (runNow) {
                running++;
            } else {
                waiting.add(start);
            }
        }
        if (runNow) {
            start.run();
        }
        return result;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
