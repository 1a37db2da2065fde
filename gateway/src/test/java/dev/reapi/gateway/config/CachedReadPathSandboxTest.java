package dev.reapi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.reapi.client.Provider;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.cache.TieredCacheSettings;
import dev.reapi.gateway.adapter.out.cache.TieredResponseCache;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiUsageLedger;
import dev.reapi.gateway.adapter.out.upstream.ClientPropertySource;
import dev.reapi.gateway.application.cache.CachedPropertyQueries;
import dev.reapi.gateway.application.cache.CachedReads;
import dev.reapi.gateway.application.cache.SearchGeneration;
import dev.reapi.gateway.application.port.in.Answer;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.application.sync.ChangeApplier;
import dev.reapi.gateway.domain.cache.CacheKeys;
import dev.reapi.gateway.domain.cache.CachePolicy;
import dev.reapi.gateway.domain.cache.NothingToServeException;
import dev.reapi.gateway.domain.ledger.DailyUsage;
import dev.reapi.gateway.domain.ledger.UsageTotals;
import dev.reapi.gateway.domain.property.Provenance;
import dev.reapi.gateway.domain.property.Provenance.Source;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.testing.MutableClock;
import dev.reapi.gateway.testing.SandboxProviders;
import dev.reapi.sandbox.FaultSettings;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cached read path wired by hand against the sandbox over real HTTP, with a real SQLite file,
 * once per upstream provider.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Provider.class)
class CachedReadPathSandboxTest {

    private static final String KNOWN = "P000000042";
    private static final String ALSO_KNOWN = "P000000043";
    private static final String UNKNOWN = "P999999999";

    @Parameter private Provider provider;
    @TempDir Path dir;
    private final MutableClock clock = MutableClock.standard();
    private Sandbox sandbox;
    private RealEstateApiClient client;
    private Database database;
    private TieredResponseCache cache;
    private JdbiUsageLedger ledger;
    private CachedPropertyQueries queries;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withPort(0));
        client =
                SandboxProviders.client(provider, sandbox, "sandbox")
                        .maxAttempts(1)
                        .withoutCircuitBreaker()
                        .maxConcurrentCalls(256)
                        .build();
        database = Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"));
        var meters = new SimpleMeterRegistry();
        cache = new TieredResponseCache(TieredCacheSettings.defaults(), clock, meters);
        ledger = new JdbiUsageLedger(database, Duration.ofHours(1), meters);
        var applier =
                new ChangeApplier(
                        new JdbiChangeLogStore(database),
                        JsonCodecs.propertyCodecs().property(),
                        ChangeHook.none(),
                        clock);
        var reads =
                new CachedReads(
                        cache,
                        ledger,
                        CachePolicy.defaults(),
                        clock,
                        Executors.newVirtualThreadPerTaskExecutor(),
                        Duration.ofSeconds(30),
                        CachedReadPathSandboxTest::upstreamFailed);
        queries =
                new CachedPropertyQueries(
                        reads,
                        new ClientPropertySource(client, clock),
                        Optional.empty(),
                        new JdbiReplicaStore(database),
                        properties ->
                                applier.applyAll(properties, ChangeSource.READ, Optional.empty()),
                        new SearchGeneration(),
                        JsonCodecs.propertyCodecs());
    }

    @AfterEach
    void stop() {
        ledger.close();
        cache.close();
        database.close();
        client.close();
        sandbox.close();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void property_100ConcurrentMisses_makeOneUpstreamCall() throws Exception {
        sandbox.setFaults(
                FaultSettings.none().withLatency(new FaultSettings.Latency("fixed", 300, 300)));
        var start = new CountDownLatch(1);
        var answers = new ConcurrentLinkedQueue<Answer<Property>>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            var user = queries.forUser("u" + i, OptionalLong.empty());
            threads.add(
                    Thread.ofVirtual()
                            .start(
                                    () -> {
                                        awaitQuietly(start);
                                        answers.add(user.property(KNOWN, "r-" + answers.size()));
                                    }));
        }

        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(sandbox.stats().requestsTotal()).isEqualTo(1);
        assertThat(answers)
                .hasSize(100)
                .allSatisfy(a -> assertThat(a.data().id()).isEqualTo(KNOWN));
        ledger.flush();
        UsageTotals totals = totals();
        assertThat(totals.requests()).isEqualTo(100);
        assertThat(totals.upstreamCalls()).isEqualTo(1);
        assertThat(totals.savedRequests()).isEqualTo(99);
    }

    @Test
    void property_outage_servesStaleThenReplicaThenNothing() {
        queries.property(KNOWN, "r1");
        queries.property(ALSO_KNOWN, "r2");
        cache.invalidate(CacheKeys.details(ALSO_KNOWN));
        clock.advance(Duration.ofDays(2));
        sandbox.setFaults(FaultSettings.none().withOutageSeconds(600));

        Answer<Property> stale = queries.property(KNOWN, "r3");
        Answer<Property> replicated = queries.property(ALSO_KNOWN, "r4");

        assertThat(stale.data().id()).isEqualTo(KNOWN);
        assertThat(stale.provenance())
                .isEqualTo(new Provenance(Source.STALE, Duration.ofDays(2).toSeconds(), 0));
        assertThat(replicated.data().id()).isEqualTo(ALSO_KNOWN);
        assertThat(replicated.provenance())
                .isEqualTo(new Provenance(Source.REPLICA, Duration.ofDays(2).toSeconds(), 0));
        assertThatThrownBy(() -> queries.property("P000000044", "r5"))
                .isInstanceOf(NothingToServeException.class)
                .hasMessageContaining("details:P000000044");
    }

    @Test
    void property_withinGrace_servedAtOnceAndRefreshedOnce() {
        queries.property(KNOWN, "r0");
        clock.advance(Duration.ofHours(1).plusSeconds(30));

        List<Answer<Property>> during = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            during.add(queries.property(KNOWN, "r" + i));
        }

        assertThat(during)
                .allSatisfy(a -> assertThat(a.provenance().source()).isEqualTo(Source.CACHE));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> queries.property(KNOWN, "r").provenance().ageSeconds() == 0);
        assertThat(sandbox.stats().requestsTotal()).isEqualTo(2);
    }

    @Test
    void property_unknownId_isNotFoundAndRememberedForSixtySeconds() {
        assertThatThrownBy(() -> queries.property(UNKNOWN, "r1"))
                .isInstanceOfSatisfying(
                        UpstreamFailure.class,
                        e -> assertThat(e.kind()).isEqualTo(UpstreamFailure.Kind.NOT_FOUND));
        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> queries.property(UNKNOWN, "r2"))
                .isInstanceOf(UpstreamFailure.class);

        assertThat(sandbox.stats().requestsTotal()).isEqualTo(1);
    }

    @Test
    void ledgerTotals_afterMixedWorkload_equalSandboxBillingCounters() {
        var alice = queries.forUser("alice", OptionalLong.empty());
        var bob = queries.forUser("bob", OptionalLong.empty());
        Property known = alice.property(KNOWN, "r").data();
        for (var user : List.of(alice, bob)) {
            user.property(KNOWN, "r");
            user.property(ALSO_KNOWN, "r");
            user.search(SearchRequest.zip(known.address().zip()), "r");
            user.valuation(KNOWN, "r");
            user.valuationByAddress(known.address().formatted(), "r");
            user.demographics(KNOWN, "r");
            user.schools(ALSO_KNOWN, "r");
            user.enriched("P000000050", "r");
            assertThatThrownBy(() -> user.property(UNKNOWN, "r"))
                    .isInstanceOf(UpstreamFailure.class);
        }
        clock.advance(Duration.ofMinutes(6));
        bob.search(SearchRequest.zip(known.address().zip()), "r");

        ledger.flush();
        UsageTotals totals = totals();
        var stats = sandbox.stats();

        assertThat(totals.upstreamCalls()).isEqualTo(stats.requestsTotal());
        assertThat(totals.recordsBilled()).isEqualTo(stats.recordsTotal());
        assertThat(totals.savedRequests()).isPositive();
    }

    @Test
    void dailyCap_reached_rejectsFurtherUpstreamReads() {
        var capped = queries.forUser("capped", OptionalLong.of(1));
        capped.property(KNOWN, "r1");

        assertThat(capped.property(KNOWN, "r2").provenance().source()).isEqualTo(Source.CACHE);
        assertThatThrownBy(() -> capped.property(ALSO_KNOWN, "r3"))
                .isInstanceOf(dev.reapi.gateway.domain.ledger.DailyCapReachedException.class);
        assertThat(sandbox.stats().requestsTotal()).isEqualTo(1);
    }

    private UsageTotals totals() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        return ledger.daily(Optional.empty(), day, day).stream()
                .map(DailyUsage::totals)
                .reduce(UsageTotals.ZERO, UsageTotals::plus);
    }

    private static boolean upstreamFailed(Throwable e) {
        return e instanceof UpstreamFailure f
                && (f.kind() == UpstreamFailure.Kind.UNAVAILABLE
                        || f.kind() == UpstreamFailure.Kind.QUOTA);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
