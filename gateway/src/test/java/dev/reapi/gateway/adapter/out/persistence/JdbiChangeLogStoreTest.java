package dev.reapi.gateway.adapter.out.persistence;

import static dev.reapi.gateway.domain.sync.SyncFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.client.model.Property;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.application.port.out.ChangeLog.Committed;
import dev.reapi.gateway.application.port.out.ChangeLog.Writes;
import dev.reapi.gateway.application.port.out.ReplicaStore.ReplicatedProperty;
import dev.reapi.gateway.application.sync.ChangeApplier;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.InboxState;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.sync.SyncCheckpoint;
import dev.reapi.gateway.domain.sync.SyncFixtures;
import dev.reapi.gateway.domain.sync.TrackedField;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import dev.reapi.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbiChangeLogStoreTest {

    @TempDir Path dir;
    private final TestDatabases databases = new TestDatabases();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final List<String> hooked = new ArrayList<>();

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void applyAll_newerVersionTwice_recordsChangesOnceAndUpdatesReplica(Database.Dialect dialect) {
        Database db = databases.open(dialect, dir);
        ChangeApplier applier = applier(db);
        var log = new JdbiChangeLogStore(db);
        Property listed = SyncFixtures.listed("P1");
        Property sold = SyncFixtures.sold(listed, 245_000, T0.plusSeconds(60));

        Committed baseline = applier.applyAll(List.of(listed), ChangeSource.READ, Optional.empty());
        Committed first = applier.applyAll(List.of(sold), ChangeSource.BATCH, Optional.empty());
        Committed again = applier.applyAll(List.of(sold), ChangeSource.BATCH, Optional.empty());
        Committed older = applier.applyAll(List.of(listed), ChangeSource.READ, Optional.empty());

        assertThat(baseline.changes()).isEmpty();
        assertThat(first.changes()).hasSize(5);
        assertThat(again.changes()).isEmpty();
        assertThat(older.replicaRows()).isZero();
        assertThat(log.history("P1", Optional.empty(), 100)).hasSize(5);
        assertThat(log.history("P1", Optional.of(TrackedField.PRICE), 100))
                .extracting(PropertyChange::oldValue, PropertyChange::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("250000", "245000"));
        assertThat(new JdbiReplicaStore(db).find("P1").orElseThrow().updatedAt())
                .isEqualTo(T0.plusSeconds(60));
        assertThat(hooked).containsExactly("P1:true");
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void applyWebhook_duplicateStaleAndUnknown_areMarkedWithoutOverwriting(
            Database.Dialect dialect) {
        Database db = databases.open(dialect, dir);
        ChangeApplier applier = applier(db);
        var inbox = new JdbiWebhookInboxStore(db);
        var log = new JdbiChangeLogStore(db);
        applier.applyAll(List.of(SyncFixtures.listed("P1")), ChangeSource.READ, Optional.empty());
        var newer = event("msg_2", "P1", "230000", T0.plusSeconds(120));
        var older = event("msg_1", "P1", "240000", T0.plusSeconds(60));
        var unknown = event("msg_3", "P9", "1000", T0.plusSeconds(60));

        boolean inserted = inbox.insertIfAbsent(newer, "{}", clock.instant());
        boolean duplicate = inbox.insertIfAbsent(newer, "{}", clock.instant());
        inbox.insertIfAbsent(older, "{}", clock.instant());
        inbox.insertIfAbsent(unknown, "{}", clock.instant());
        List<WebhookEvent> pending = inbox.pending(10);
        InboxState newerState = applier.applyWebhook(newer);
        InboxState olderState = applier.applyWebhook(older);
        InboxState unknownState = applier.applyWebhook(unknown);

        assertThat(inserted).isTrue();
        assertThat(duplicate).isFalse();
        assertThat(pending)
                .extracting(WebhookEvent::webhookId)
                .containsExactly("msg_1", "msg_3", "msg_2");
        assertThat(List.of(newerState, olderState, unknownState))
                .containsExactly(InboxState.APPLIED, InboxState.STALE, InboxState.UNKNOWN);
        assertThat(inbox.state("msg_1")).contains(InboxState.STALE);
        assertThat(inbox.counts().drained()).isTrue();
        assertThat(log.history("P1", Optional.empty(), 10))
                .singleElement()
                .satisfies(c -> assertThat(c.newValue()).isEqualTo("230000"));
        Property stored =
                JsonCodecs.propertyCodecs()
                        .property()
                        .decode(new JdbiReplicaStore(db).find("P1").orElseThrow().json());
        assertThat(stored.price()).isEqualTo(230_000);
    }

    /**
     * A webhook carries one field. A status event at t2 must not make a price event at t1,
     * delivered after it, look stale; nor may the full record at t1 undo the status of t2.
     */
    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void applyWebhook_otherFieldsEarlierEventAfterALaterOne_isStillApplied(
            Database.Dialect dialect) {
        Database db = databases.open(dialect, dir);
        ChangeApplier applier = applier(db);
        Property listed = SyncFixtures.listed("P1");
        applier.applyAll(List.of(listed), ChangeSource.READ, Optional.empty());
        Instant t1 = T0.plusSeconds(60);
        Instant t2 = T0.plusSeconds(120);
        var status =
                new WebhookEvent("msg_2", WebhookEvent.Type.STATUS_CHANGED, "P1", "pending", t2);
        var price = event("msg_1", "P1", "240000", t1);
        Property fullAtT1 =
                dev.reapi.gateway.domain.sync.PropertyDiff.withPrice(listed, 240_000, t1);

        InboxState statusState = applier.applyWebhook(status);
        InboxState priceState = applier.applyWebhook(price);
        applier.applyAll(List.of(fullAtT1), ChangeSource.BATCH, Optional.empty());

        assertThat(List.of(statusState, priceState))
                .containsExactly(InboxState.APPLIED, InboxState.APPLIED);
        Property stored =
                JsonCodecs.propertyCodecs()
                        .property()
                        .decode(new JdbiReplicaStore(db).find("P1").orElseThrow().json());
        assertThat(stored.price()).isEqualTo(240_000);
        assertThat(stored.status().wireName()).isEqualTo("pending");
        assertThat(new JdbiChangeLogStore(db).history("P1", Optional.empty(), 10)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void commit_withCheckpoint_storesItWithTheRows(Database.Dialect dialect) {
        Database db = databases.open(dialect, dir);
        var checkpoint =
                new SyncCheckpoint("batch", T0, "c1", T0.plusSeconds(5), "P1", clock.instant());

        applier(db)
                .applyAll(
                        List.of(SyncFixtures.listed("P1")),
                        ChangeSource.BATCH,
                        Optional.of(checkpoint));

        assertThat(new JdbiSyncCheckpointStore(db).find("batch")).contains(checkpoint);
    }

    @Test
    void commit_rowInsertedElsewhereAfterItWasFoundAbsent_isRetriedAndUpserted() {
        Database db = databases.open(Database.Dialect.POSTGRESQL, dir);
        var log = new JdbiChangeLogStore(db);
        var theirs = new ReplicatedProperty("P1", "{\"by\":\"theirs\"}", T0, clock.instant());
        var ours =
                new ReplicatedProperty(
                        "P1", "{\"by\":\"ours\"}", T0.plusSeconds(60), clock.instant());
        AtomicInteger decisions = new AtomicInteger();

        Committed committed =
                log.commit(
                        List.of("P1"),
                        stored -> {
                            if (decisions.incrementAndGet() == 1) {
                                // A concurrent writer commits the row this one found absent.
                                log.commit(List.of("P1"), s -> rowOnly(theirs));
                            }
                            return rowOnly(ours);
                        });

        assertThat(decisions).hasValue(2);
        assertThat(committed.replicaRows()).isEqualTo(1);
        assertThat(new JdbiReplicaStore(db).find("P1").orElseThrow().json()).isEqualTo(ours.json());
    }

    private static Writes rowOnly(ReplicatedProperty row) {
        return new Writes(List.of(row), List.of(), List.of(), Optional.empty());
    }

    private ChangeApplier applier(Database db) {
        return new ChangeApplier(
                new JdbiChangeLogStore(db),
                JsonCodecs.propertyCodecs().property(),
                (id, searchesStale) -> hooked.add(id + ":" + searchesStale),
                clock);
    }

    private static WebhookEvent event(String id, String property, String price, Instant at) {
        return new WebhookEvent(id, WebhookEvent.Type.PRICE_CHANGED, property, price, at);
    }
}
