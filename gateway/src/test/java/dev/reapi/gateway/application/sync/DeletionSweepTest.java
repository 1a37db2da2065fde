package dev.reapi.gateway.application.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.model.Property;
import dev.reapi.client.model.UpdatedPage;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiSyncCheckpointStore;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.UpdatedFeed;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.sync.SyncFixtures;
import dev.reapi.gateway.domain.sync.TrackedField;
import dev.reapi.gateway.testing.MutableClock;
import dev.reapi.gateway.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Full batch syncs against a fake feed: what the feed no longer has is marked deleted, once. */
class DeletionSweepTest {

    @TempDir Path dir;

    private final MutableClock clock = new MutableClock(SyncFixtures.T0.plusSeconds(3600));
    private final List<String> hooked = new CopyOnWriteArrayList<>();
    private final List<Runnable> closing = new ArrayList<>();
    private Database db;
    private JdbiReplicaStore replica;
    private JdbiChangeLogStore log;
    private ChangeApplier applier;

    @AfterEach
    void close() {
        closing.reversed().forEach(Runnable::run);
    }

    private void open(Database.Dialect dialect) {
        String url = "jdbc:sqlite:" + dir.resolve("reapi.db");
        if (dialect == Database.Dialect.POSTGRESQL) {
            TestPostgres.PostgresSchema schema = TestPostgres.freshSchema();
            closing.add(schema::close);
            url = schema.jdbcUrl();
        }
        db = Database.open(url);
        closing.add(db::close);
        replica = new JdbiReplicaStore(db);
        log = new JdbiChangeLogStore(db);
        applier = new ChangeApplier(log, SyncRig.CODEC, ChangeHook.none(), clock);
    }

    private BatchSync batch(UpdatedFeed feed) {
        ChangeHook hook = (id, searchesStale) -> hooked.add(id + ":" + searchesStale);
        var sweep = new DeletionSweep(replica, log, SyncRig.CODEC, hook, clock);
        return new BatchSync(
                feed,
                applier,
                new JdbiSyncCheckpointStore(db),
                new BatchSync.Settings(2, Duration.ofHours(1)),
                Optional.of(sweep),
                clock,
                new SimpleMeterRegistry());
    }

    /** A feed over {@code properties}, two per page, the cursor being the next index. */
    private static UpdatedFeed feed(List<Property> properties) {
        return (since, cursor, limit) -> {
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(properties.size(), from + limit);
            return new UpdatedPage(
                    properties.subList(from, to),
                    to < properties.size() ? Integer.toString(to) : null);
        };
    }

    private static List<Property> listed(String... ids) {
        return List.of(ids).stream().map(SyncFixtures::listed).toList();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void fullRun_propertyMissingFromFeed_isMarkedDeletedOnce(Database.Dialect dialect) {
        open(dialect);
        batch(feed(listed("P1", "P2", "P3", "P4", "P5"))).run(SyncStart.full(), p -> {});
        clock.advance(Duration.ofHours(1));

        batch(feed(listed("P1", "P2", "P4", "P5"))).run(SyncStart.full(), p -> {});
        clock.advance(Duration.ofHours(1));
        batch(feed(listed("P1", "P2", "P4", "P5"))).run(SyncStart.full(), p -> {});

        assertThat(replica.find("P3")).isEmpty();
        assertThat(replica.deletedAt("P3")).isPresent();
        assertThat(replica.find("P4")).isPresent();
        List<PropertyChange> history = log.history("P3", Optional.empty(), 10);
        assertThat(history).hasSize(1);
        assertThat(history.getFirst().field()).isEqualTo(TrackedField.STATUS);
        assertThat(history.getFirst().oldValue()).isEqualTo("active");
        assertThat(history.getFirst().newValue()).isEqualTo(DeletionSweep.DELETED);
        assertThat(history.getFirst().source()).isEqualTo(ChangeSource.BATCH);
        assertThat(hooked).containsExactly("P3:true");
    }

    @Test
    void sinceRun_propertyMissingFromFeed_isKept() {
        open(Database.Dialect.SQLITE);
        batch(feed(listed("P1", "P2", "P3"))).run(SyncStart.full(), p -> {});
        clock.advance(Duration.ofHours(1));

        batch(feed(listed("P1"))).run(SyncStart.since(SyncFixtures.T0), p -> {});

        assertThat(replica.find("P3")).isPresent();
        assertThat(replica.deletedAt("P3")).isEmpty();
    }

    @Test
    void fullRun_interruptedThenResumed_sweepsWithTheFirstStart() {
        open(Database.Dialect.SQLITE);
        batch(feed(listed("P1", "P2", "P3", "P4", "P5", "P6"))).run(SyncStart.full(), p -> {});
        clock.advance(Duration.ofHours(1));
        var shrunk = batch(feed(listed("P1", "P2", "P4", "P5", "P6")));

        assertThatThrownBy(
                        () ->
                                shrunk.run(
                                        SyncStart.full(),
                                        p -> {
                                            throw new IllegalStateException("stop after a page");
                                        }))
                .hasMessage("stop after a page");
        clock.advance(Duration.ofMinutes(5));
        shrunk.run(SyncStart.resume(), p -> {});

        assertThat(replica.deletedAt("P1")).isEmpty();
        assertThat(replica.deletedAt("P2")).isEmpty();
        assertThat(replica.deletedAt("P3")).isPresent();
        assertThat(log.history("P3", Optional.empty(), 10)).hasSize(1);
    }
}
