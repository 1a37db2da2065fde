package dev.reapi.gateway.domain.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CachePolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final CachePolicy policy = CachePolicy.defaults();

    @ParameterizedTest
    @CsvSource({
        "DETAILS, PT1H",
        "SEARCH, PT5M",
        "VALUATION, PT24H",
        "DEMOGRAPHICS, P7D",
        "SCHOOLS, P7D"
    })
    void defaults_ttlPerType(DataType type, Duration ttl) {
        assertThat(policy.rule(type).ttl()).isEqualTo(ttl);
    }

    @ParameterizedTest
    @CsvSource({
        "0, FRESH",
        "3599, FRESH",
        "3600, REVALIDATE",
        "3899, REVALIDATE",
        "3900, STALE_IF_ERROR",
        "608399, STALE_IF_ERROR",
        "608400, EXPIRED"
    })
    void freshness_detailsByAge(long ageSeconds, Freshness expected) {
        CacheEntry entry = CacheEntry.of("{}", T0);

        assertThat(policy.freshness(DataType.DETAILS, entry, T0.plusSeconds(ageSeconds)))
                .isEqualTo(expected);
    }

    @Test
    void freshness_notFound_freshForSixtySecondsThenExpired() {
        CacheEntry entry = CacheEntry.notFound(T0);

        assertThat(policy.freshness(DataType.DETAILS, entry, T0.plusSeconds(59)))
                .isEqualTo(Freshness.FRESH);
        assertThat(policy.freshness(DataType.DETAILS, entry, T0.plusSeconds(60)))
                .isEqualTo(Freshness.EXPIRED);
        assertThat(policy.keepFor(DataType.DETAILS, entry)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void rule_retentionShorterThanGrace_isRejected() {
        assertThatThrownBy(
                        () ->
                                new CachePolicy.Rule(
                                        Duration.ofMinutes(1),
                                        Duration.ofMinutes(10),
                                        Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retention")
                .hasMessageContaining("PT5M");
    }

    @Test
    void with_replacesOneRule() {
        var rule =
                new CachePolicy.Rule(Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(20));

        CachePolicy changed = policy.with(DataType.SEARCH, rule);

        assertThat(changed.rule(DataType.SEARCH)).isEqualTo(rule);
        assertThat(changed.rule(DataType.DETAILS)).isEqualTo(policy.rule(DataType.DETAILS));
    }
}
