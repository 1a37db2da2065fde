package dev.reapi.gateway.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.gateway.application.port.out.ReplicaStore.ReplicatedProperty;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void upsert_new_isFoundWithItsTimes(Database.Dialect dialect) {
        var replica = new JdbiReplicaStore(databases.open(dialect, dir));
        var property = new ReplicatedProperty("P1", "{\"price\":1}", T0, T0.plusSeconds(5));

        boolean stored = replica.upsert(property);

        assertThat(stored).isTrue();
        assertThat(replica.find("P1")).contains(property);
        assertThat(replica.find("P2")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void upsert_newerOrSameVersion_replaces(Database.Dialect dialect) {
        var replica = new JdbiReplicaStore(databases.open(dialect, dir));
        replica.upsert(new ReplicatedProperty("P1", "{\"price\":1}", T0, T0));
        var same = new ReplicatedProperty("P1", "{\"price\":1}", T0, T0.plusSeconds(60));
        var newer =
                new ReplicatedProperty(
                        "P1", "{\"price\":2}", T0.plusSeconds(30), T0.plusSeconds(90));

        boolean sameStored = replica.upsert(same);
        boolean newerStored = replica.upsert(newer);

        assertThat(sameStored).isTrue();
        assertThat(newerStored).isTrue();
        assertThat(replica.find("P1")).contains(newer);
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void upsert_olderVersion_isIgnored(Database.Dialect dialect) {
        var replica = new JdbiReplicaStore(databases.open(dialect, dir));
        var current = new ReplicatedProperty("P1", "{\"price\":2}", T0.plusSeconds(30), T0);
        replica.upsert(current);

        boolean stored =
                replica.upsert(
                        new ReplicatedProperty("P1", "{\"price\":1}", T0, T0.plusSeconds(99)));

        assertThat(stored).isFalse();
        assertThat(replica.find("P1")).contains(current);
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void upsertAll_mixedVersions_storesOnlyTheNotOlder(Database.Dialect dialect) {
        var replica = new JdbiReplicaStore(databases.open(dialect, dir));
        replica.upsert(new ReplicatedProperty("P1", "{}", T0.plusSeconds(30), T0));

        int stored =
                replica.upsertAll(
                        List.of(
                                new ReplicatedProperty("P1", "{\"old\":1}", T0, T0),
                                new ReplicatedProperty("P2", "{}", T0, T0),
                                new ReplicatedProperty("P3", "{}", T0, T0)));

        assertThat(stored).isEqualTo(2);
        assertThat(replica.find("P1")).map(ReplicatedProperty::json).contains("{}");
        assertThat(replica.find("P3")).isPresent();
    }
}
