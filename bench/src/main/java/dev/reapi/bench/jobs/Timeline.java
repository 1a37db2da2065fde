package dev.reapi.bench.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When each job of one measured run returned from submit, started in its handler and finished, in
 * {@link System#nanoTime()} units. Written by submitters and workers at once; thread-safe.
 */
final class Timeline {

    private final Map<String, Long> returned = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final CountDownLatch finished;
    private final AtomicLong lastFinish = new AtomicLong(Long.MIN_VALUE);

    /** A timeline expecting {@code jobs} finished jobs. */
    Timeline(int jobs) {
        this.finished = new CountDownLatch(jobs);
    }

    /** Job {@code id}'s submit call returned at {@code nanos}. */
    void returned(String id, long nanos) {
        returned.put(id, nanos);
    }

    /** Job {@code id}'s handler started at {@code nanos}; a repeated attempt keeps the first. */
    void started(String id, long nanos) {
        started.putIfAbsent(id, nanos);
    }

    /** One job reached its final state at {@code nanos}. */
    void finished(long nanos) {
        lastFinish.accumulateAndGet(nanos, Math::max);
        finished.countDown();
    }

    /** Waits until every expected job finished; false on timeout. */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Jobs still expected to finish. */
    long unfinished() {
        return finished.getCount();
    }

    /** When the last job finished. */
    long lastFinishNanos() {
        return lastFinish.get();
    }

    /** Submit-to-start delay of every submitted job, in nanoseconds. */
    long[] submitToStart() {
        return delays(returned, started);
    }

    /**
     * For each key of {@code from}, how long after it the same key appears in {@code to}; 0 when it
     * appears earlier (a job may start before its submit call has returned).
     *
     * @throws IllegalStateException when a key of {@code from} is missing from {@code to}
     */
    static long[] delays(Map<String, Long> from, Map<String, Long> to) {
        long[] delays = new long[from.size()];
        int i = 0;
        for (Map.Entry<String, Long> entry : from.entrySet()) {
            Long end = to.get(entry.getKey());
            if (end == null) {
                throw new IllegalStateException("job " + entry.getKey() + " never started");
            }
            delays[i++] = Math.max(0, end - entry.getValue());
        }
        return delays;
    }
}
