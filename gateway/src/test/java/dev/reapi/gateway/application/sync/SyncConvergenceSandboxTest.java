package dev.reapi.gateway.application.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.reapi.client.Provider;
import dev.reapi.client.model.Property;
import dev.reapi.gateway.adapter.in.http.WebhookRoutes;
import dev.reapi.gateway.adapter.in.http.WebhookSignatures;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiWebhookInboxStore;
import dev.reapi.gateway.adapter.out.upstream.ClientPropertySource;
import dev.reapi.gateway.application.cache.InMemoryUsageLedger;
import dev.reapi.gateway.application.port.out.WebhookInbox;
import dev.reapi.gateway.domain.sync.TrackedField;
import dev.reapi.gateway.testing.MutableClock;
import dev.reapi.sandbox.FaultSettings;
import dev.reapi.sandbox.MarketChange;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyncConvergenceSandboxTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void webhooksThenBatch_withDuplicatesAndReordering_convergeOnTheTruthRecordingEachChangeOnce(
            Database.Dialect dialect) {
        try (var sandbox =
                        Sandbox.start(SandboxOptions.defaults().withProperties(200).withSeed(23));
                var rig = new SyncRig(dialect, dir, sandbox)) {
            rig.batch(100).run(SyncStart.full(), SyncProgress.Listener.none());
            WebhookInbox inbox = new JdbiWebhookInboxStore(rig.db);
            var worker = new InboxWorker(inbox, rig.applier);
            var ingestion = new WebhookIngestion(inbox, worker, Clock.systemUTC());
            Javalin app = receiver(ingestion);
            try {
                sandbox.registerWebhook(
                        "http://127.0.0.1:" + app.port() + WebhookRoutes.PATH, SECRET);
                sandbox.setFaults(
                        FaultSettings.none()
                                .withWebhooks(new FaultSettings.WebhookFaults(0, 0.3, true)));
                worker.start();

                List<MarketChange> changes = new ArrayList<>(sandbox.tick(30));
                changes.addAll(sandbox.tick(30));
                long events = changes.stream().mapToLong(SyncConvergenceSandboxTest::events).sum();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> handled(inbox.counts()) == events && inbox.counts().drained());
                Map<String, MarketChange> latest = new LinkedHashMap<>();
                changes.forEach(c -> latest.put(c.propertyId(), c));

                latest.values()
                        .forEach(
                                c -> {
                                    Property p = rig.replica(c.propertyId()).orElseThrow();
                                    assertThat(p.price())
                                            .as("%s after %s", p, changes)
                                            .isEqualTo(c.newPrice());
                                    assertThat(p.status().wireName()).isEqualTo(c.newStatus());
                                });
                rig.batch(100).run(SyncStart.resume(), SyncProgress.Listener.none());

                Map<String, Property> truth = rig.truth();
                assertThat(truth.values())
                        .allSatisfy(
                                p ->
                                        assertThat(
                                                        SyncRig.tracked(
                                                                rig.replica(p.id()).orElseThrow()))
                                                .isEqualTo(SyncRig.tracked(p)));
                Map<String, Integer> counts = rig.changeCounts(truth.keySet());
                assertThat(counts.values()).containsOnly(1);
                for (MarketChange c : latest.values()) {
                    if (c.oldPrice() != c.newPrice()) {
                        assertThat(counts)
                                .containsKey(
                                        SyncRig.key(
                                                c.propertyId(), TrackedField.PRICE, c.changedAt()));
                    }
                    if (!c.oldStatus().equals(c.newStatus())) {
                        assertThat(counts)
                                .containsKey(
                                        SyncRig.key(
                                                c.propertyId(),
                                                TrackedField.STATUS,
                                                c.changedAt()));
                    }
                }
                // Incremental sync sees the next changes before their webhooks land: whichever
                // path comes second finds each change recorded already.
                List<MarketChange> more = sandbox.tick(30);
                long moreEvents = more.stream().mapToLong(SyncConvergenceSandboxTest::events).sum();
                new IncrementalSync(
                                new ClientPropertySource(rig.client, Clock.systemUTC()),
                                rig.applier,
                                new InMemoryUsageLedger(),
                                Clock.systemUTC())
                        .refresh(truth.keySet(), "req_convergence");
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () ->
                                        handled(inbox.counts()) == events + moreEvents
                                                && inbox.counts().drained());
                Map<String, Property> now = rig.truth();
                assertThat(now.values())
                        .allSatisfy(
                                p ->
                                        assertThat(
                                                        SyncRig.tracked(
                                                                rig.replica(p.id()).orElseThrow()))
                                                .isEqualTo(SyncRig.tracked(p)));
                assertThat(rig.changeCounts(now.keySet()).values()).containsOnly(1);
            } finally {
                app.stop();
                ingestion.close();
                worker.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void changeFilesThenIncremental_onV2_convergeOnTheTruthRecordingEachChangeOnce(
            Database.Dialect dialect) {
        var clock = new MutableClock(Instant.parse("2026-11-10T12:00:00Z"));
        try (var sandbox =
                        Sandbox.start(
                                SandboxOptions.defaults()
                                        .withProperties(200)
                                        .withSeed(23)
                                        .withClock(clock));
                var rig = new SyncRig(dialect, dir, sandbox, Provider.V2, clock)) {
            rig.sync(100).run(SyncStart.full(), SyncProgress.Listener.none());
            assertMatchesTruth(rig);

            List<MarketChange> changes = new ArrayList<>(sandbox.tick(30));
            clock.advance(Duration.ofHours(1));
            changes.addAll(sandbox.tick(30));
            // Past midnight the day's change files are published.
            clock.advance(Duration.ofHours(11));
            rig.sync(100).run(SyncStart.resume(), SyncProgress.Listener.none());

            Map<String, Property> truth = assertMatchesTruth(rig);
            Map<String, Integer> counts = rig.changeCounts(truth.keySet());
            Map<String, MarketChange> latest = new LinkedHashMap<>();
            changes.forEach(c -> latest.put(c.propertyId(), c));
            for (MarketChange c : latest.values()) {
                if (c.oldPrice() != c.newPrice()) {
                    assertThat(counts)
                            .containsKey(
                                    SyncRig.key(c.propertyId(), TrackedField.PRICE, c.changedAt()));
                }
            }
            // Incremental sync sees the next changes first; the next day's files find each one
            // recorded already.
            sandbox.tick(30);
            new IncrementalSync(
                            new ClientPropertySource(rig.client, clock),
                            rig.applier,
                            new InMemoryUsageLedger(),
                            clock)
                    .refresh(truth.keySet(), "req_convergence_v2");
            assertMatchesTruth(rig);
            clock.advance(Duration.ofDays(1));
            SyncProgress next = rig.sync(100).run(SyncStart.resume(), SyncProgress.Listener.none());

            assertThat(next.changes()).isZero();
            assertThat(rig.changeCounts(assertMatchesTruth(rig).keySet()).values()).containsOnly(1);
        }
    }

    /** Asserts that the replica holds the upstream's current version of each property. */
    private static Map<String, Property> assertMatchesTruth(SyncRig rig) {
        Map<String, Property> truth = rig.truth();
        assertThat(truth.values())
                .allSatisfy(
                        p ->
                                assertThat(rig.replica(p.id()).map(SyncRig::tracked))
                                        .as(p.id())
                                        .contains(SyncRig.tracked(p)));
        return truth;
    }

    private static long events(MarketChange c) {
        return (c.oldPrice() != c.newPrice() ? 1L : 0L)
                + (c.oldStatus().equals(c.newStatus()) ? 0L : 1L);
    }

    private static long handled(WebhookInbox.Counts counts) {
        return counts.applied() + counts.stale() + counts.unknown();
    }

    private static Javalin receiver(WebhookIngestion ingestion) {
        var routes =
                new WebhookRoutes(
                        ingestion,
                        new WebhookSignatures(
                                List.of(SECRET),
                                WebhookSignatures.DEFAULT_TOLERANCE,
                                Clock.systemUTC()));
        return Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.jetty.host = "127.0.0.1";
                            config.jetty.port = 0;
                            routes.register(config.routes);
                        })
                .start();
    }
}
