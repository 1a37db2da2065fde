package dev.reapi.gateway.config;

import dev.reapi.gateway.adapter.out.cache.TieredCacheSettings;
import dev.reapi.gateway.domain.cache.CachePolicy;
import dev.reapi.gateway.domain.ledger.RecordPrice;
import java.time.Duration;
import java.util.Objects;

/**
 * How reads are cached, batched, served when the upstream fails, and accounted. Keys under {@code
 * cache} and {@code ledger}; documented in {@code docs/operations.md}.
 *
 * @param policy lifetimes per data type and of "not found" answers
 * @param cache the in-process and shared cache tiers
 * @param retryAfter what a 503 without anything to serve tells the caller (default 30 s)
 * @param batchDetails whether detail misses are coalesced into bulk calls (default true)
 * @param batchMaxSize most ids per bulk call (default 100)
 * @param batchMaxWait the quiet gap that ends a batch: how long it waits for the next miss to join
 *     (default 10 ms)
 * @param batchMaxHold how long a batch stays open at most while misses keep joining it (default 40
 *     ms)
 * @param batchMaxInFlight bulk calls out at once before a batch whose wait is over waits for one of
 *     them to return, at most another {@code batchMaxWait} (default 1)
 * @param price the upstream's price per billed record (default 0.01 USD)
 * @param ledgerFlush how often the usage ledger is written (default 1 s)
 */
public record ReadPathConfig(
        CachePolicy policy,
        TieredCacheSettings cache,
        Duration retryAfter,
        boolean batchDetails,
        int batchMaxSize,
        Duration batchMaxWait,
        Duration batchMaxHold,
        int batchMaxInFlight,
        RecordPrice price,
        Duration ledgerFlush) {

    public ReadPathConfig {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(batchMaxWait, "batchMaxWait");
        Objects.requireNonNull(batchMaxHold, "batchMaxHold");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(ledgerFlush, "ledgerFlush");
    }

    /** The documented defaults, without a shared cache tier. */
    public static ReadPathConfig defaults() {
        return new ReadPathConfig(
                CachePolicy.defaults(),
                TieredCacheSettings.defaults(),
                Duration.ofSeconds(30),
                true,
                100,
                Duration.ofMillis(10),
                Duration.ofMillis(40),
                1,
                RecordPrice.defaults(),
                Duration.ofSeconds(1));
    }
}
