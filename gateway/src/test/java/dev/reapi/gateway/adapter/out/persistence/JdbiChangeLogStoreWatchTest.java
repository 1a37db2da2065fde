package dev.reapi.gateway.adapter.out.persistence;

import static dev.reapi.gateway.domain.sync.SyncFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.model.Filters;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.application.port.out.ChangeLog.Committed;
import dev.reapi.gateway.application.sync.ChangeApplier;
import dev.reapi.gateway.application.watch.WatchNotifier;
import dev.reapi.gateway.domain.notify.Notification;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.PropertyDiff;
import dev.reapi.gateway.domain.sync.SyncFixtures;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import dev.reapi.gateway.domain.watch.Watch;
import dev.reapi.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Watch notifications written by {@link JdbiChangeLogStore} in the change's transaction. */
class JdbiChangeLogStoreWatchTest {

    private static final String CALLBACK = "https://hooks.example.com/reapi";

    @TempDir Path dir;
    private final TestDatabases databases = new TestDatabases();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final ObjectMapper mapper = new ObjectMapper();
    private int ids;

    @AfterEach
    void closeDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void applyAll_changeOfWatchedProperty_appendsOneNotificationPerWatcher(Database.Dialect dialect)
            throws Exception {
        Database db = databases.open(dialect, dir);
        ChangeApplier applier = applier(db);
        applier.applyAll(List.of(SyncFixtures.listed("P1")), ChangeSource.READ, Optional.empty());
        watches(db).add(List.of(propertyWatch("alice", "P1"), propertyWatch("bob", "P1")));
        Property sold = SyncFixtures.sold(SyncFixtures.listed("P1"), 245_000, T0.plusSeconds(60));

        Committed committed = applier.applyAll(List.of(sold), ChangeSource.BATCH, Optional.empty());

        assertThat(committed.changes()).hasSize(5);
        assertThat(committed.notifications()).isEqualTo(2);
        List<Notification> alice = outbox(db).listForUser("alice", 0, 10);
        assertThat(alice)
                .singleElement()
                .extracting(Notification::eventType)
                .isEqualTo("property.changed");
        JsonNode payload = mapper.readTree(alice.getFirst().payloadJson());
        assertThat(payload.path("property_id").asText()).isEqualTo("P1");
        assertThat(payload.path("source").asText()).isEqualTo("batch");
        assertThat(payload.path("version").asText()).isEqualTo(T0.plusSeconds(60).toString());
        assertThat(payload.path("changes")).hasSize(5);
        assertThat(payload.path("changes").findValuesAsText("field")).contains("price", "status");
        assertThat(alice.getFirst().callbackUrl()).contains(CALLBACK);
        assertThat(outbox(db).listForUser("bob", 0, 10)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void applyWebhook_duplicateSightingByAnyPath_notifiesOnce(Database.Dialect dialect) {
        Database db = databases.open(dialect, dir);
        ChangeApplier applier = applier(db);
        applier.applyAll(List.of(SyncFixtures.listed("P1")), ChangeSource.READ, Optional.empty());
        watches(db).add(List.of(propertyWatch("alice", "P1")));
        Instant at = T0.plusSeconds(30);

        applier.applyWebhook(priceEvent("msg_1", "240000", at));
        applier.applyWebhook(priceEvent("msg_2", "240000", at));
        Committed batch =
                applier.applyAll(
                        List.of(PropertyDiff.withPrice(SyncFixtures.listed("P1"), 240_000, at)),
                        ChangeSource.BATCH,
                        Optional.empty());

        assertThat(batch.changes()).isEmpty();
        assertThat(batch.notifications()).isZero();
        assertThat(outbox(db).listForUser("alice", 0, 10)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void commit_failingWhileAppending_rollsBackChangesAndNotifications(Database.Dialect dialect) {
        Database db = databases.open(dialect, dir);
        ChangeApplier applier = applier(db);
        applier.applyAll(List.of(SyncFixtures.listed("P1")), ChangeSource.READ, Optional.empty());
        // The first watcher's notification is appended; the second one's needs the user's
        // settings, whose table is gone, so its append fails after the first row was written.
        watches(db)
                .add(
                        List.of(
                                propertyWatch("alice", "P1"),
                                Watch.ofProperty(
                                        id(), "bob", "P1", Optional.empty(), clock.instant())));
        db.jdbi().useHandle(h -> h.execute("ALTER TABLE webhook_targets RENAME TO gone"));
        Property sold = SyncFixtures.sold(SyncFixtures.listed("P1"), 245_000, T0.plusSeconds(60));

        assertThatThrownBy(
                () -> applier.applyAll(List.of(sold), ChangeSource.BATCH, Optional.empty()));

        assertThat(new JdbiChangeLogStore(db).history("P1", Optional.empty(), 10)).isEmpty();
        assertThat(outbox(db).listForUser("alice", 0, 10)).isEmpty();
        assertThat(new JdbiReplicaStore(db).find("P1").orElseThrow().updatedAt()).isEqualTo(T0);
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void savedSearch_propertyCrossingItsFilters_entersThenLeavesOnce(Database.Dialect dialect)
            throws Exception {
        Database db = databases.open(dialect, dir);
        ChangeApplier applier = applier(db);
        applier.applyAll(
                List.of(SyncFixtures.listed("P1"), SyncFixtures.listed("P2")),
                ChangeSource.READ,
                Optional.empty());
        Watch search =
                Watch.ofSearch(
                        id(),
                        "alice",
                        SearchRequest.zip("62704")
                                .withFilters(Filters.builder().price(null, 240_000L).build()),
                        Optional.empty(),
                        clock.instant());
        watches(db).add(List.of(search));

        applier.applyWebhook(priceEvent("msg_1", "239000", T0.plusSeconds(10)));
        applier.applyWebhook(priceEvent("msg_2", "238000", T0.plusSeconds(20)));
        applier.applyWebhook(priceEvent("msg_3", "260000", T0.plusSeconds(30)));
        applier.applyAll(List.of(SyncFixtures.listed("P9")), ChangeSource.READ, Optional.empty());

        List<Notification> rows = outbox(db).listForUser("alice", 0, 10);
        assertThat(rows)
                .extracting(Notification::eventType)
                .containsExactly("search.entered", "search.left");
        JsonNode entered = mapper.readTree(rows.getFirst().payloadJson());
        assertThat(entered.path("watch_id").asText()).isEqualTo(search.id());
        assertThat(entered.path("property").path("price").asLong()).isEqualTo(239_000);
        assertThat(entered.path("property").path("address").asText()).contains("Oak St");
        assertThat(members(db, search.id())).isZero();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void savedSearch_createdOverMatchingReplica_startsWithThemAsMembers(Database.Dialect dialect) {
        Database db = databases.open(dialect, dir);
        ChangeApplier applier = applier(db);
        applier.applyAll(
                List.of(SyncFixtures.listed("P1"), SyncFixtures.listed("P2")),
                ChangeSource.READ,
                Optional.empty());
        Watch search =
                Watch.ofSearch(
                        id(),
                        "alice",
                        SearchRequest.zip("62704"),
                        Optional.empty(),
                        clock.instant());
        watches(db).add(List.of(search));

        applier.applyWebhook(priceEvent("msg_1", "239000", T0.plusSeconds(10)));
        applier.applyAll(List.of(SyncFixtures.listed("P3")), ChangeSource.READ, Optional.empty());

        assertThat(members(db, search.id())).isEqualTo(3);
        assertThat(outbox(db).listForUser("alice", 0, 10))
                .singleElement()
                .satisfies(
                        n -> {
                            assertThat(n.eventType()).isEqualTo("search.entered");
                            assertThat(n.payloadJson()).contains("\"property_id\":\"P3\"");
                        });
    }

    private ChangeApplier applier(Database db) {
        return new ChangeApplier(
                new JdbiChangeLogStore(db),
                JsonCodecs.propertyCodecs().property(),
                (id, searchesStale) -> {},
                clock,
                Optional.of(new WatchNotifier(mapper)));
    }

    private static JdbiWatchStore watches(Database db) {
        return new JdbiWatchStore(db, JsonCodecs.propertyCodecs().property());
    }

    private static JdbiOutboxStore outbox(Database db) {
        return new JdbiOutboxStore(db.jdbi());
    }

    private static int members(Database db, String watchId) {
        return db.jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT COUNT(*) FROM watch_members"
                                                        + " WHERE watch_id = :w")
                                        .bind("w", watchId)
                                        .mapTo(Integer.class)
                                        .one());
    }

    private Watch propertyWatch(String user, String propertyId) {
        return Watch.ofProperty(id(), user, propertyId, Optional.of(CALLBACK), clock.instant());
    }

    private String id() {
        return String.format("w_%020x", ++ids);
    }

    private static WebhookEvent priceEvent(String id, String price, Instant at) {
        return new WebhookEvent(id, WebhookEvent.Type.PRICE_CHANGED, "P1", price, at);
    }
}
