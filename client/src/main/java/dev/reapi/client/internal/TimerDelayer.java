package dev.reapi.client.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A {@link Delayer} on one daemon timer thread; tasks must not block. Thread-safe. */
public final class TimerDelayer implements Delayer, AutoCloseable {

    private final ScheduledThreadPoolExecutor pool;

    /** Starts a timer whose thread is called {@code threadName}. */
    public TimerDelayer(String threadName) {
        this.pool =
                new ScheduledThreadPoolExecutor(
                        1,
                        r -> {
                            Thread thread = new Thread(r, threadName);
                            thread.setDaemon(true);
                            return thread;
                        });
        pool.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> unused = pool.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Drops pending tasks and stops the thread. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
