package dev.reapi.gateway.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.gateway.domain.ledger.DailyUsage;
import dev.reapi.gateway.domain.ledger.UsageEntry;
import dev.reapi.gateway.domain.ledger.UsageTotals;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbiUsageLedgerTest {

    private static final Instant DAY1 = Instant.parse("2026-12-01T10:00:00Z");
    private static final LocalDate D1 = LocalDate.parse("2026-12-01");
    private static final LocalDate D2 = LocalDate.parse("2026-12-02");
    // Long enough that only flush() and close() write in these tests.
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir Path dir;
    private final TestDatabases databases = new TestDatabases();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void closeDatabases() throws Exception {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void daily_sumsPerDayUserAndEndpoint_beforeAndAfterFlush(Database.Dialect dialect) {
        try (var ledger = new JdbiUsageLedger(databases.open(dialect, dir), NEVER, meters)) {
            ledger.append(UsageEntry.billed(DAY1, "u1", "details", 1, 1));
            ledger.append(UsageEntry.saved(DAY1.plusSeconds(5), "u1", "details"));
            ledger.append(UsageEntry.billed(DAY1, "u1", "search", 1, 50));
            ledger.append(UsageEntry.billed(DAY1.plus(Duration.ofDays(1)), "u2", "details", 2, 1));

            List<DailyUsage> unwritten = ledger.daily(Optional.empty(), D1, D2);
            ledger.flush();
            ledger.append(UsageEntry.saved(DAY1, "u1", "details"));
            List<DailyUsage> mixed = ledger.daily(Optional.empty(), D1, D2);

            assertThat(unwritten)
                    .containsExactly(
                            new DailyUsage(D1, "u1", "details", new UsageTotals(2, 1, 1, 1)),
                            new DailyUsage(D1, "u1", "search", new UsageTotals(1, 1, 50, 0)),
                            new DailyUsage(D2, "u2", "details", new UsageTotals(1, 2, 1, 0)));
            assertThat(mixed.get(0).totals()).isEqualTo(new UsageTotals(3, 1, 1, 2));
            assertThat(ledger.recordsBilled("u1", D1)).isEqualTo(51);
            assertThat(ledger.recordsBilled("u1", D2)).isZero();
            assertThat(ledger.daily(Optional.of("u2"), D1, D2)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void close_writesEverythingAppended(Database.Dialect dialect) {
        Database database = databases.open(dialect, dir);
        var random = new SplittableRandom(42);
        long records = 0;
        try (var ledger = new JdbiUsageLedger(database, NEVER, meters)) {
            for (int i = 0; i < 500; i++) {
                int n = random.nextInt(0, 3);
                records += n;
                ledger.append(UsageEntry.billed(DAY1, "u" + (i % 7), "details", 1, n));
            }
        }

        try (var reopened = new JdbiUsageLedger(database, NEVER, meters)) {
            List<DailyUsage> rows = reopened.daily(Optional.empty(), D1, D1);
            long stored = rows.stream().mapToLong(r -> r.totals().recordsBilled()).sum();
            long calls = rows.stream().mapToLong(r -> r.totals().upstreamCalls()).sum();

            assertThat(rows).hasSize(7);
            assertThat(stored).isEqualTo(records);
            assertThat(calls).isEqualTo(500);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void append_countsMicrometerCounters(Database.Dialect dialect) {
        try (var ledger = new JdbiUsageLedger(databases.open(dialect, dir), NEVER, meters)) {
            ledger.append(UsageEntry.billed(DAY1, "u1", "details", 2, 3));
            ledger.append(UsageEntry.saved(DAY1, "u1", "details"));

            assertThat(meters.get("reapi.upstream.calls").counter().count()).isEqualTo(2);
            assertThat(meters.get("reapi.upstream.records").counter().count()).isEqualTo(3);
            assertThat(meters.get("reapi.requests.saved").counter().count()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Dialect.class)
    void append_afterClose_isRejected(Database.Dialect dialect) {
        var ledger = new JdbiUsageLedger(databases.open(dialect, dir), NEVER, meters);
        ledger.close();

        assertThatThrownBy(() -> ledger.append(UsageEntry.saved(DAY1, "u1", "details")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("u1");
    }
}
