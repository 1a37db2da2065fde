package dev.reapi.gateway.adapter.out.health;

import dev.reapi.gateway.application.port.out.HealthCheck.Result;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** Runs one probe on its own virtual thread and stops waiting for it after a timeout. */
final class Probes {

    private Probes() {}

    /**
     * The probe's outcome, or unhealthy when it throws or takes longer than {@code timeout}; a
     * probe still running then is interrupted and left to finish on its own, so that a probe stuck
     * in a call that ignores interruption cannot hold the caller. Never throws.
     */
    static Result run(Callable<?> probe, Duration timeout) {
        long start = System.nanoTime();
        var outcome = new CompletableFuture<@Nullable Object>();
        Thread thread =
                Thread.ofVirtual()
                        .name("reapi-health-probe")
                        .start(
                                () -> {
                                    try {
                                        outcome.complete(probe.call());
                                    } catch (Exception e) {
                                        outcome.completeExceptionally(e);
                                    }
                                });
        try {
            outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Result(true, elapsedMs(start), "");
        } catch (TimeoutException e) {
            thread.interrupt();
            return new Result(
                    false, elapsedMs(start), "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Result(false, elapsedMs(start), reason(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return new Result(false, elapsedMs(start), "interrupted");
        }
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** The innermost cause's message on one line. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
