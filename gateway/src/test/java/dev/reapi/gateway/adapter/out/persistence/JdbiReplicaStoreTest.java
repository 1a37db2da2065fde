package dev.reapi.gateway.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.gateway.application.port.out.ChangeLog.Writes;
import dev.reapi.gateway.application.port.out.ReplicaStore.ReplicatedProperty;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbiReplicaStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir Path dir;
    private final TestDatabases databases = new TestDatabases();

    @AfterEach
    void closeDatabases() throws Exception {
        databases.close();
    }

    private static void write(Database db, Instant fetchedAt, String... ids) {
        List<ReplicatedProperty> rows =
                List.of(ids).stream()
                        .map(id -> new ReplicatedProperty(id, "{}", T0, fetchedAt))
                        .toList();
        new JdbiChangeLogStore(db)
                .commit(
                        List.of(ids),
                        stored -> new Writes(rows, List.of(), List.of(), Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void find_writtenRow_isFoundWithItsTimes(Database.Dialect dialect) {
        Database db = databases.open(dialect, dir);
        write(db, T0.plusSeconds(5), "P1");

        var found = new JdbiReplicaStore(db).find("P1");

        assertThat(found).contains(new ReplicatedProperty("P1", "{}", T0, T0.plusSeconds(5)));
        assertThat(new JdbiReplicaStore(db).find("P2")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void unseen_afterMarkingSeen_isOnlyWhatTheRunDidNotSee(Database.Dialect dialect) {
        Database db = databases.open(dialect, dir);
        write(db, T0, "P1", "P2", "P3");
        var replica = new JdbiReplicaStore(db);
        Instant run = T0.plusSeconds(60);
        write(db, run.plusSeconds(1), "P4");

        replica.markSeen(List.of("P1", "P3", "unknown"), run);

        assertThat(replica.unseen(run, 10)).containsExactly("P2");
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void markDeleted_hidesTheRowUntilSeenAgain(Database.Dialect dialect) {
        Database db = databases.open(dialect, dir);
        write(db, T0, "P1", "P2");
        var replica = new JdbiReplicaStore(db);
        Instant run = T0.plusSeconds(60);

        replica.markDeleted(List.of("P1"), run);

        assertThat(replica.find("P1")).isEmpty();
        assertThat(replica.deletedAt("P1")).contains(run);
        assertThat(replica.deletedAt("P2")).isEmpty();
        assertThat(replica.unseen(run, 10)).containsExactly("P2");

        replica.markSeen(List.of("P1"), run.plusSeconds(60));

        assertThat(replica.find("P1")).isPresent();
        assertThat(replica.deletedAt("P1")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void fullRunStart_isKeptUntilEnded(Database.Dialect dialect) {
        var replica = new JdbiReplicaStore(databases.open(dialect, dir));

        replica.beginFullRun(T0);
        replica.beginFullRun(T0.plusSeconds(1));

        assertThat(replica.fullRunStart()).contains(T0.plusSeconds(1));
        replica.endFullRun();
        assertThat(replica.fullRunStart()).isEmpty();
    }
}
