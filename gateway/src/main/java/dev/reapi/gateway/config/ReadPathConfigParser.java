package dev.reapi.gateway.config;

import dev.reapi.gateway.adapter.out.cache.TieredCacheSettings;
import dev.reapi.gateway.domain.cache.CachePolicy;
import dev.reapi.gateway.domain.cache.DataType;
import dev.reapi.gateway.domain.ledger.RecordPrice;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;

/**
 * Reads the {@code cache} and {@code ledger} sections into {@link ReadPathConfig}; every error
 * names its key.
 */
final class ReadPathConfigParser {

    private ReadPathConfigParser() {}

    static ReadPathConfig parse(
            Section cache, Section ledger, Optional<GatewayConfig.Redis> redis) {
        cache.only(
                "max_entries",
                "max_bytes",
                "redis_url",
                "key_prefix",
                "redis_timeout_ms",
                "probe_interval_ms",
                "retry_after_s",
                "negative_ttl_s",
                "details",
                "search",
                "valuation",
                "demographics",
                "schools",
                "batch");
        ReadPathConfig defaults = ReadPathConfig.defaults();
        CachePolicy policy =
                defaults.policy()
                        .withNegativeTtl(
                                Duration.ofSeconds(cache.integer("negative_ttl_s", 60, 0, 86_400)));
        for (DataType type : DataType.values()) {
            policy = policy.with(type, rule(cache.section(type.key()), policy.rule(type)));
        }
        Optional<URI> redisUrl =
                cache.optionalText("redis_url")
                        .map(url -> cache.uri("redis_url", url, "redis", "rediss"))
                        .or(() -> redis.map(GatewayConfig.Redis::url));
        TieredCacheSettings settings =
                new TieredCacheSettings(
                        cache.integer("max_entries", 100_000, 1, 1_000_000_000),
                        cache.integer("max_bytes", 0, 0, Long.MAX_VALUE),
                        redisUrl,
                        cache.text("key_prefix", "reapi:cache:"),
                        Duration.ofMillis(cache.integer("redis_timeout_ms", 250, 1, 60_000)),
                        Duration.ofMillis(
                                cache.integer("probe_interval_ms", 5_000, 10, 3_600_000)));
        Section batch = cache.section("batch");
        batch.only("enabled", "max_size", "max_wait_ms", "max_hold_ms", "max_in_flight");
        ledger.only("price_per_record", "currency", "flush_interval_ms");
        return new ReadPathConfig(
                policy,
                settings,
                Duration.ofSeconds(cache.integer("retry_after_s", 30, 1, 86_400)),
                batch.flag("enabled", true),
                (int) batch.integer("max_size", 100, 1, 1_000),
                Duration.ofMillis(batch.integer("max_wait_ms", 10, 0, 10_000)),
                Duration.ofMillis(batch.integer("max_hold_ms", 40, 0, 10_000)),
                (int) batch.integer("max_in_flight", 1, 1, 1_000),
                price(ledger),
                Duration.ofMillis(ledger.integer("flush_interval_ms", 1_000, 10, 3_600_000)));
    }

    private static CachePolicy.Rule rule(Section s, CachePolicy.Rule fallback) {
        s.only("ttl_s", "grace_s", "retention_s");
        long max = Duration.ofDays(3650).toSeconds();
        try {
            return new CachePolicy.Rule(
                    Duration.ofSeconds(s.integer("ttl_s", fallback.ttl().toSeconds(), 1, max)),
                    Duration.ofSeconds(s.integer("grace_s", fallback.grace().toSeconds(), 0, max)),
                    Duration.ofSeconds(
                            s.integer("retention_s", fallback.retention().toSeconds(), 0, max)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.prefix() + ": " + e.getMessage(), e);
        }
    }

    private static RecordPrice price(Section s) {
        String amount = s.text("price_per_record", "0.01");
        String code = s.text("currency", "USD");
        try {
            return new RecordPrice(new BigDecimal(amount), Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    s.path("price_per_record")
                            + ": expected a decimal amount >= 0 and an ISO 4217 currency, was '"
                            + amount
                            + " "
                            + code
                            + "'",
                    e);
        }
    }
}
