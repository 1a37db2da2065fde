package dev.reapi.gateway.adapter.out.health;

import dev.reapi.gateway.application.port.out.HealthCheck.Result;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one probe on a virtual thread and gives up waiting for it after a timeout. */
final class Probes {

    private Probes() {}

    /**
     * The probe's outcome, or unhealthy when it throws or takes longer than {@code timeout}; a
     * probe still running then is interrupted. Never throws.
     */
    static Result run(Callable<?> probe, Duration timeout) {
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> future = executor.submit(probe);
            try {
                future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                return new Result(true, elapsedMs(start), "");
            } catch (TimeoutException e) {
                future.cancel(true);
                return new Result(
                        false, elapsedMs(start), "no answer within " + timeout.toMillis() + " ms");
            } catch (ExecutionException e) {
                return new Result(
                        false, elapsedMs(start), reason(e.getCause() == null ? e : e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                return new Result(false, elapsedMs(start), "interrupted");
            }
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
