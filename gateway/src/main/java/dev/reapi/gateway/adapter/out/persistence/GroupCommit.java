package dev.reapi.gateway.adapter.out.persistence;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs short writes of several threads in one transaction, so that they share one commit (one WAL
 * flush on PostgreSQL) instead of queueing for a commit each. A {@link #write} returns only after
 * the transaction holding it committed; a {@link #writeLater} returns at once and reports its
 * outcome once that transaction ended.
 *
 * <p>The first caller of {@link #write} to find no transaction in progress runs the writes queued
 * so far, its own included, in one transaction; callers arriving meanwhile queue and wait for the
 * next one, which one of them runs. Writes queued by {@link #writeLater} with no waiting caller to
 * take them are run by one background thread, started when needed and ended when idle. When a
 * shared transaction fails, each of its writes runs again alone, so one failing write (a unique key
 * taken, a deadlock) fails only its own caller.
 *
 * <p>A write must be safe to run again from the start and must not commit or roll back itself.
 * Thread-safe.
 */
final class GroupCommit {

    /** Writes in one transaction at most, so that one commit cannot hold row locks for long. */
    private static final int MAX_BATCH = 64;

    /** How long the background thread outlives its last write. */
    private static final Duration IDLE_THREAD_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final Jdbi jdbi;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final ArrayDeque<Write<?>> queue = new ArrayDeque<>();
    private @Nullable ExecutorService background;
    private boolean running;
    private boolean drainScheduled;

    GroupCommit(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * Runs {@code work} in a transaction shared with other callers' writes and returns its result
     * once that transaction committed.
     *
     * @throws RuntimeException what {@code work} threw when run alone
     */
    <T> T write(HandleCallback<T, RuntimeException> work) {
        var mine = new Write<>(work, null);
        List<Write<?>> batch = new ArrayList<>();
        lock.lock();
        try {
            queue.add(mine);
            while (running && !mine.done) {
                committed.awaitUninterruptibly();
            }
            if (mine.done) {
                return mine.outcome();
            }
            takeBatch(batch);
        } finally {
            lock.unlock();
        }

        run(batch);
        return mine.outcome();
    }

    /**
     * Queues {@code work} for a transaction shared with other callers' writes and returns at once;
     * {@code then} receives the write's result, or its failure when run alone, after that
     * transaction ended. {@code then} runs on the thread that ran the transaction: it must be short
     * and must not write through this group commit.
     */
    <T> void writeLater(
            HandleCallback<T, RuntimeException> work,
            BiConsumer<@Nullable T, @Nullable RuntimeException> then) {
        lock.lock();
        try {
            queue.add(new Write<>(work, then));
            if (!running) {
                scheduleDrain();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every queued write, {@link #writeLater} ones included, has ended.
     *
     * @return false when some were still queued or running after {@code timeout}
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (running || !queue.isEmpty()) {
                if (left <= 0) {
                    return false;
                }
                left = committed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the next batch from the queue; the caller holds the lock and no batch is running. */
    private void takeBatch(List<Write<?>> batch) {
        running = true;
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(queue.poll());
        }
    }

    /** Lets the background thread run the queued writes unless a run is already scheduled. */
    private void scheduleDrain() {
        if (drainScheduled) {
            return;
        }
        drainScheduled = true;
        if (background == null) {
            // One thread at most, ending when idle, so that an unused store holds none.
            background =
                    new ThreadPoolExecutor(
                            0,
                            1,
                            IDLE_THREAD_TIMEOUT.toMillis(),
                            TimeUnit.MILLISECONDS,
                            new LinkedBlockingQueue<>(),
                            Thread.ofPlatform().daemon().name("reapi-group-commit").factory());
        }
        background.execute(this::drain);
    }

    /** Runs the queued writes on the background thread, unless a waiting caller took them. */
    private void drain() {
        List<Write<?>> batch = new ArrayList<>();
        lock.lock();
        try {
            drainScheduled = false;
            while (running) {
                committed.awaitUninterruptibly();
            }
            if (queue.isEmpty()) {
                return;
            }
            takeBatch(batch);
        } finally {
            lock.unlock();
        }
        run(batch);
    }

    /**
     * Commits {@code batch}, reports its queued-for-later writes, then marks all done and hands the
     * queue on; reporting first lets {@link #awaitIdle} cover the callbacks too.
     */
    private void run(List<Write<?>> batch) {
        try {
            commit(batch);
        } finally {
            try {
                for (Write<?> write : batch) {
                    if (!write.committed && write.failure == null) {
                        write.failure =
                                new IllegalStateException(
                                        "write not committed: the thread running its transaction"
                                                + " failed");
                    }
                }
                batch.forEach(Write::report);
            } finally {
                handOver(batch);
            }
        }
    }

    /** Marks {@code batch} done, wakes the waiting callers and lets the next batch start. */
    private void handOver(List<Write<?>> batch) {
        lock.lock();
        try {
            batch.forEach(write -> write.done = true);
            running = false;
            if (!queue.isEmpty()) {
                scheduleDrain();
            }
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Commits {@code batch} together, or each write alone when that fails. */
    private void commit(List<Write<?>> batch) {
        if (batch.size() > 1) {
            try {
                jdbi.useTransaction(handle -> batch.forEach(write -> write.run(handle)));
                batch.forEach(write -> write.committed = true);
                return;
            } catch (RuntimeException shared) {
                // Some write failed and rolled back the others: find out whose it was.
            }
        }
        for (Write<?> write : batch) {
            try {
                JdbiOutboxStore.retryingOnConflict(jdbi, write::run);
                write.committed = true;
            } catch (RuntimeException e) {
                write.failure = e;
            }
        }
    }

    /**
     * One caller's write and its outcome. The thread running its transaction sets the outcome, then
     * {@code done} under the lock; the caller reads the outcome after seeing {@code done}, a
     * queued-for-later write's callback before that.
     */
    private static final class Write<T> {

        private final HandleCallback<T, RuntimeException> work;
        private final @Nullable BiConsumer<@Nullable T, @Nullable RuntimeException> then;
        private @Nullable T result;
        private @Nullable RuntimeException failure;
        private boolean committed;
        private boolean done;

        Write(
                HandleCallback<T, RuntimeException> work,
                @Nullable BiConsumer<@Nullable T, @Nullable RuntimeException> then) {
            this.work = work;
            this.then = then;
        }

        @Nullable T run(Handle handle) {
            result = work.withHandle(handle);
            return result;
        }

        /** Hands a queued-for-later write's outcome to its callback; no-op for a waiting caller. */
        void report() {
            if (then == null) {
                return;
            }
            try {
                then.accept(failure == null ? result : null, failure);
            } catch (RuntimeException e) {
                LOG.error("A group-commit callback failed; its write's outcome is lost", e);
            }
        }

        @SuppressWarnings("NullAway") // a write's own result type says whether it may be null
        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
