package dev.reapi.gateway.application.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.gateway.application.cache.InMemoryUsageLedger;
import dev.reapi.gateway.domain.ledger.RecordPrice;
import dev.reapi.gateway.domain.ledger.UsageEntry;
import dev.reapi.gateway.domain.ledger.UsageReport;
import dev.reapi.gateway.domain.ledger.UsageTotals;
import dev.reapi.gateway.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageReportsTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-12-01");

    private final InMemoryUsageLedger ledger = new InMemoryUsageLedger();
    private final UsageReports reports =
            new UsageReports(ledger, RecordPrice.defaults(), MutableClock.standard());

    @Test
    void report_allUsers_sumsAndPricesPerUser() {
        ledger.append(UsageEntry.billed(AT, "alice", "search", 1, 50));
        ledger.append(UsageEntry.billed(AT, "alice", "details", 1, 1));
        ledger.append(UsageEntry.saved(AT, "bob", "details"));

        UsageReport report = reports.report(Optional.empty(), DAY, DAY);

        assertThat(report.totals()).isEqualTo(new UsageTotals(3, 2, 51, 1));
        assertThat(report.spent()).isEqualByComparingTo(new BigDecimal("0.51"));
        assertThat(report.users())
                .extracting(UsageReport.UserUsage::userId)
                .containsExactly("alice", "bob");
        assertThat(report.users().get(1).spent()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(report.days()).hasSize(3);
    }

    @Test
    void report_oneUser_seesOnlyOwnUsage() {
        ledger.append(UsageEntry.billed(AT, "alice", "details", 1, 1));
        ledger.append(UsageEntry.billed(AT, "bob", "details", 1, 1));

        UsageReport report = reports.report(Optional.of("bob"), DAY, DAY);

        assertThat(report.users()).extracting(UsageReport.UserUsage::userId).containsExactly("bob");
        assertThat(report.totals().recordsBilled()).isEqualTo(1);
    }

    @Test
    void report_rangeBackwards_isRejected() {
        assertThatThrownBy(() -> reports.report(Optional.empty(), DAY, DAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-12-01");
    }

    @Test
    void today_isTheClocksUtcDay() {
        assertThat(reports.today()).isEqualTo(DAY);
    }
}
