package dev.reapi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.gateway.domain.cache.DataType;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadPathConfigTest {

    private static final Map<String, String> KEY = Map.of("REALESTATEAPI_KEY", "sk_test");

    @TempDir Path dir;

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("reapi.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void load_withoutCacheKeys_usesDocumentedDefaults() {
        ReadPathConfig readPath = GatewayConfig.load(Optional.empty(), KEY).readPath();

        assertThat(readPath).isEqualTo(ReadPathConfig.defaults());
        assertThat(readPath.policy().rule(DataType.DETAILS).ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(readPath.price().perRecord()).isEqualByComparingTo(new BigDecimal("0.01"));
        assertThat(readPath.cache().redisUrl()).isEmpty();
    }

    @Test
    void load_cacheAndLedgerKeys_overrideDefaults() throws IOException {
        Path file =
                yaml(
                        """
                        redis:
                          url: redis://127.0.0.1:6379
                        cache:
                          max_entries: 500
                          negative_ttl_s: 5
                          retry_after_s: 12
                          search: {ttl_s: 60, grace_s: 10, retention_s: 600}
                          batch:
                            enabled: false
                            max_size: 20
                            max_wait_ms: 3
                            max_hold_ms: 25
                            max_in_flight: 4
                        ledger:
                          price_per_record: "0.025"
                          currency: EUR
                        """);

        ReadPathConfig readPath = GatewayConfig.load(Optional.of(file), KEY).readPath();

        assertThat(readPath.cache().maxEntries()).isEqualTo(500);
        assertThat(readPath.cache().redisUrl()).contains(URI.create("redis://127.0.0.1:6379"));
        assertThat(readPath.policy().negativeTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(readPath.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(readPath.policy().rule(DataType.SEARCH).ttl()).isEqualTo(Duration.ofMinutes(1));
        assertThat(readPath.policy().rule(DataType.SEARCH).retention())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(readPath.policy().rule(DataType.DETAILS).ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(readPath.batchDetails()).isFalse();
        assertThat(readPath.batchMaxSize()).isEqualTo(20);
        assertThat(readPath.batchMaxHold()).isEqualTo(Duration.ofMillis(25));
        assertThat(readPath.batchMaxInFlight()).isEqualTo(4);
        assertThat(readPath.price().perRecord()).isEqualByComparingTo(new BigDecimal("0.025"));
        assertThat(readPath.price().currency().getCurrencyCode()).isEqualTo("EUR");
    }

    @Test
    void load_environment_setsCacheRedisAndPrice() {
        var env = new HashMap<>(KEY);
        env.put("REAPI_CACHE_REDIS_URL", "redis://cache.internal:6380");
        env.put("REAPI_PRICE_PER_RECORD", "0.5");

        ReadPathConfig readPath = GatewayConfig.load(Optional.empty(), env).readPath();

        assertThat(readPath.cache().redisUrl()).contains(URI.create("redis://cache.internal:6380"));
        assertThat(readPath.price().perRecord()).isEqualByComparingTo(new BigDecimal("0.5"));
    }

    @Test
    void load_retentionShorterThanGrace_failsNamingTheSection() throws IOException {
        Path file = yaml("cache:\n  details: {grace_s: 600, retention_s: 60}\n");

        assertThatThrownBy(() -> GatewayConfig.load(Optional.of(file), KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cache.details:")
                .hasMessageContaining("retention");
    }

    @Test
    void load_unknownCacheKey_failsNamingIt() throws IOException {
        Path file = yaml("cache:\n  ttl: 5\n");

        assertThatThrownBy(() -> GatewayConfig.load(Optional.of(file), KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cache.ttl:");
    }

    @Test
    void load_badPrice_failsNamingTheKey() throws IOException {
        Path file = yaml("ledger:\n  price_per_record: cheap\n");

        assertThatThrownBy(() -> GatewayConfig.load(Optional.of(file), KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("ledger.price_per_record:");
    }
}
