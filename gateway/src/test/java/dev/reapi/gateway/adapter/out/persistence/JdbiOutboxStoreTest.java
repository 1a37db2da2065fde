package dev.reapi.gateway.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.gateway.domain.notify.NewNotification;
import dev.reapi.gateway.domain.notify.Notification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbiOutboxStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final int THREADS = 16;
    private static final int PER_THREAD = 20;

    @TempDir Path dir;
    private final TestDatabases databases = new TestDatabases();

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    /**
     * Appends for one user used to take {@code MAX(seq) + 1} and, when they raced, collide on the
     * unique (user, seq) index and start over, giving up after a few rounds; with the per-user
     * counter row they queue on its lock and every append succeeds first time.
     */
    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void append_concurrentlyForOneUser_givesGapFreeIncreasingSeq(Database.Dialect dialect)
            throws Exception {
        var outbox = new JdbiOutboxStore(databases.open(dialect, dir).jdbi());
        outbox.append(notification("other", "other-1"), NOW);

        List<Future<List<Long>>> threads = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(pool.submit(() -> appendMany(outbox, thread)));
            }
        }

        List<Long> taken = new ArrayList<>();
        for (Future<List<Long>> thread : threads) {
            List<Long> own = thread.get();
            assertThat(own).isSorted();
            taken.addAll(own);
        }
        long total = (long) THREADS * PER_THREAD;
        assertThat(taken)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(outbox.listForUser("u1", 0, (int) total + 1))
                .extracting(Notification::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(outbox.listForUser("other", 0, 10))
                .extracting(Notification::seq)
                .containsExactly(1L);
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void append_sameEventKeyTwice_keepsTheFirstAndTakesNoNumber(Database.Dialect dialect) {
        var outbox = new JdbiOutboxStore(databases.open(dialect, dir).jdbi());

        Notification first = outbox.append(notification("u1", "k1"), NOW);
        Notification again = outbox.append(notification("u1", "k1"), NOW.plusSeconds(1));
        Notification next = outbox.append(notification("u1", "k2"), NOW);

        assertThat(again).isEqualTo(first);
        assertThat(next.seq()).isEqualTo(first.seq() + 1);
    }

    @Test
    void migration_countersContinueFromNotificationsWrittenBeforeIt() throws Exception {
        Path file = dir.resolve("old").resolve("reapi.db");
        Files.createDirectories(file.getParent());
        String url = "jdbc:sqlite:" + file;
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/sqlite")
                .target("21")
                .load()
                .migrate();
        try (var connection = java.sql.DriverManager.getConnection(url);
                var statement = connection.createStatement()) {
            statement.executeUpdate(
                    "INSERT INTO outbox (user_id, seq, event_type, event_key, payload, state,"
                            + " created_at) VALUES ('u1', 1, 't', 'a', '{}', 'none', 0),"
                            + " ('u1', 2, 't', 'b', '{}', 'none', 0)");
        }

        Database database = Database.open(url);
        try {
            Notification next =
                    new JdbiOutboxStore(database.jdbi()).append(notification("u1", "c"), NOW);

            assertThat(next.seq()).isEqualTo(3);
        } finally {
            database.close();
        }
    }

    private static List<Long> appendMany(JdbiOutboxStore outbox, int thread) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < PER_THREAD; i++) {
            seqs.add(outbox.append(notification("u1", "t" + thread + "-" + i), NOW).seq());
        }
        return seqs;
    }

    private static NewNotification notification(String user, String key) {
        return new NewNotification(user, "job.succeeded", key, "{}", Optional.empty());
    }
}
