package dev.reapi.gateway.adapter.out.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Runs short writes of several threads in one transaction, so that they share one commit (one WAL
 * flush on PostgreSQL) instead of queueing for a commit each. Every caller still returns only after
 * the transaction holding its write committed.
 *
 * <p>There is no writer thread: the first caller to find no transaction in progress runs the writes
 * queued so far, its own included, in one transaction; callers arriving meanwhile queue and wait
 * for the next one, which one of them runs. When a shared transaction fails, each of its writes
 * runs again alone, so one failing write (a unique key taken, a deadlock) fails only its own
 * caller.
 *
 * <p>A write must be safe to run again from the start and must not commit or roll back itself.
 * Thread-safe.
 */
final class GroupCommit {

    /** Writes in one transaction at most, so that one commit cannot hold row locks for long. */
    private static final int MAX_BATCH = 64;

    private final Jdbi jdbi;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final ArrayDeque<Write<?>> queue = new ArrayDeque<>();
    private boolean running;

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
        var mine = new Write<>(work);
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
            running = true;
            while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(queue.poll());
            }
        } finally {
            lock.unlock();
        }

        try {
            commit(batch);
        } finally {
            lock.lock();
            try {
                for (Write<?> write : batch) {
                    write.done = true;
                    if (!write.committed && write.failure == null) {
                        write.failure =
                                new IllegalStateException(
                                        "write not committed: the thread running its transaction"
                                                + " failed");
                    }
                }
                running = false;
                committed.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return mine.outcome();
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
     * {@code done} under the lock; the caller reads the outcome after seeing {@code done}.
     */
    private static final class Write<T> {

        private final HandleCallback<T, RuntimeException> work;
        private @Nullable T result;
        private @Nullable RuntimeException failure;
        private boolean committed;
        private boolean done;

        Write(HandleCallback<T, RuntimeException> work) {
            this.work = work;
        }

        @Nullable T run(Handle handle) {
            result = work.withHandle(handle);
            return result;
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
