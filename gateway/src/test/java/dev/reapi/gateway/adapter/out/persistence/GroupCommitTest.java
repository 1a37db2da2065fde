package dev.reapi.gateway.adapter.out.persistence;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GroupCommitTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 25;

    @TempDir Path dir;
    private final TestDatabases databases = new TestDatabases();

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void write_fromManyThreads_isCommittedWhenItReturns(Database.Dialect dialect) throws Exception {
        Jdbi jdbi = table(dialect);
        var commits = new GroupCommit(jdbi);

        List<Future<?>> threads = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < PER_THREAD; i++) {
                                        String key = thread + "-" + i;
                                        commits.write(handle -> insert(handle, key));
                                        // Read on another connection: visible means committed.
                                        assertThat(count(jdbi, key)).isEqualTo(1);
                                    }
                                }));
            }
        }

        for (Future<?> thread : threads) {
            thread.get();
        }
        assertThat(count(jdbi, null)).isEqualTo(THREADS * PER_THREAD);
    }

    /**
     * Writes queued behind a running transaction share the next one; a duplicate key among them
     * fails that shared transaction, and then only its own caller.
     */
    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void write_failingAmongQueuedWrites_failsOnlyItsCaller(Database.Dialect dialect)
            throws Exception {
        Jdbi jdbi = table(dialect);
        var commits = new GroupCommit(jdbi);
        jdbi.useHandle(handle -> insert(handle, "taken"));
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            Future<Integer> first =
                    pool.submit(
                            () ->
                                    commits.write(
                                            handle -> {
                                                entered.countDown();
                                                awaitUninterruptibly(release);
                                                return insert(handle, "first");
                                            }));
            awaitUninterruptibly(entered);
            List<Thread> queued = new ArrayList<>();
            Future<Integer> duplicate =
                    pool.submit(
                            () -> {
                                record(queued);
                                return commits.write(handle -> insert(handle, "taken"));
                            });
            List<Future<Integer>> others =
                    IntStream.range(0, 2)
                            .mapToObj(
                                    i ->
                                            pool.submit(
                                                    () -> {
                                                        record(queued);
                                                        return commits.write(
                                                                handle ->
                                                                        insert(
                                                                                handle,
                                                                                "other" + i));
                                                    }))
                            .toList();
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingThreads(queued) == 3);
            release.countDown();

            assertThat(first.get()).isEqualTo(1);
            assertThatThrownBy(duplicate::get)
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(UnableToExecuteStatementException.class);
            for (Future<Integer> other : others) {
                assertThat(other.get()).isEqualTo(1);
            }
        }

        assertThat(count(jdbi, null)).isEqualTo(4);
    }

    @Test
    void write_throwingWork_rethrowsItsOwnException() {
        var commits = new GroupCommit(table(Database.Dialect.SQLITE));

        assertThatThrownBy(
                        () ->
                                commits.write(
                                        handle -> {
                                            throw new IllegalStateException("boom");
                                        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
    }

    @Test
    void write_afterAWriteThrewAnError_stillCommits() {
        Jdbi jdbi = table(Database.Dialect.SQLITE);
        var commits = new GroupCommit(jdbi);

        assertThatThrownBy(
                        () ->
                                commits.write(
                                        handle -> {
                                            throw new AssertionError("broken");
                                        }))
                .isInstanceOf(AssertionError.class);

        int inserted = commits.write(handle -> insert(handle, "next"));

        assertThat(inserted).isEqualTo(1);
        assertThat(count(jdbi, "next")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void writeLater_fromManyThreads_reportsEachOnceCommitted(Database.Dialect dialect)
            throws Exception {
        Jdbi jdbi = table(dialect);
        var commits = new GroupCommit(jdbi);
        Map<String, Integer> seenAtReport = new ConcurrentHashMap<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                pool.execute(
                        () -> {
                            for (int i = 0; i < PER_THREAD; i++) {
                                String key = thread + "-" + i;
                                commits.writeLater(
                                        handle -> insert(handle, key),
                                        // Read on another connection: visible means committed.
                                        (inserted, failure) ->
                                                seenAtReport.put(key, count(jdbi, key)));
                            }
                        });
            }
        }

        assertThat(commits.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(seenAtReport).hasSize(THREADS * PER_THREAD);
        assertThat(seenAtReport.values()).containsOnly(1);
    }

    @Test
    void writeLater_failingAmongOthers_reportsOnlyItsOwnFailure() throws Exception {
        Jdbi jdbi = table(Database.Dialect.SQLITE);
        var commits = new GroupCommit(jdbi);
        jdbi.useHandle(handle -> insert(handle, "taken"));
        Map<String, Object> outcomes = new ConcurrentHashMap<>();

        for (String key : List.of("a", "taken", "b")) {
            commits.writeLater(
                    handle -> insert(handle, key),
                    (inserted, failure) ->
                            outcomes.put(
                                    key, failure != null ? failure : requireNonNull(inserted)));
        }

        assertThat(commits.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(outcomes).containsEntry("a", 1).containsEntry("b", 1);
        assertThat(outcomes.get("taken")).isInstanceOf(UnableToExecuteStatementException.class);
        assertThat(count(jdbi, null)).isEqualTo(3);
    }

    @Test
    void awaitIdle_whileAWriteIsRunning_timesOutThenSucceeds() throws Exception {
        var commits = new GroupCommit(table(Database.Dialect.SQLITE));
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        commits.writeLater(
                handle -> {
                    entered.countDown();
                    awaitUninterruptibly(release);
                    return insert(handle, "slow");
                },
                (inserted, failure) -> {});
        awaitUninterruptibly(entered);

        boolean idleWhileBlocked = commits.awaitIdle(Duration.ofMillis(50));
        release.countDown();

        assertThat(idleWhileBlocked).isFalse();
        assertThat(commits.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    private Jdbi table(Database.Dialect dialect) {
        Jdbi jdbi = databases.open(dialect, dir).jdbi();
        jdbi.useHandle(
                handle -> handle.execute("CREATE TABLE group_commit_test (k TEXT PRIMARY KEY)"));
        return jdbi;
    }

    private static int insert(Handle handle, String key) {
        return handle.createUpdate("INSERT INTO group_commit_test (k) VALUES (:k)")
                .bind("k", key)
                .execute();
    }

    private static int count(Jdbi jdbi, @Nullable String key) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT COUNT(*) FROM group_commit_test"
                                                + " WHERE CAST(:k AS TEXT) IS NULL OR k = :k")
                                .bind("k", key)
                                .mapTo(Integer.class)
                                .one());
    }

    private static synchronized void record(List<Thread> threads) {
        threads.add(Thread.currentThread());
    }

    private static synchronized long waitingThreads(List<Thread> threads) {
        return threads.stream().filter(t -> t.getState() == Thread.State.WAITING).count();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the test", e);
        }
    }
}
