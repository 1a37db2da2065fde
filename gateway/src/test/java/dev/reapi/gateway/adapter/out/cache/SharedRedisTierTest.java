package dev.reapi.gateway.adapter.out.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.gateway.domain.cache.CacheEntry;
import dev.reapi.gateway.domain.cache.CacheKey;
import dev.reapi.gateway.domain.cache.CacheKeys;
import dev.reapi.gateway.testing.MutableClock;
import dev.reapi.gateway.testing.RequiresRedis;
import dev.reapi.gateway.testing.TestRedis.RedisKeyspace;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@RequiresRedis
class SharedRedisTierTest {

    private final MutableClock clock = MutableClock.standard();

    @Test
    void get_entryPutByAnotherInstance_isServedFromRedis(RedisKeyspace keyspace) {
        var settings = settings(keyspace);
        try (var first = new TieredResponseCache(settings, clock, new SimpleMeterRegistry());
                var second = new TieredResponseCache(settings, clock, new SimpleMeterRegistry())) {
            CacheKey key = CacheKeys.details("P1");

            first.put(key, CacheEntry.of("{\"v\":1}", clock.instant()), hours(1), hours(3));

            assertThat(second.get(key)).map(CacheEntry::payload).contains("{\"v\":1}");
            assertThat(second.get(key)).map(CacheEntry::storedAt).contains(clock.instant());
        }
    }

    @Test
    void get_ownEntryNoLongerFresh_takesNewerOneFromRedis(RedisKeyspace keyspace) {
        var settings = settings(keyspace);
        try (var first = new TieredResponseCache(settings, clock, new SimpleMeterRegistry());
                var second = new TieredResponseCache(settings, clock, new SimpleMeterRegistry())) {
            CacheKey key = CacheKeys.details("P1");
            second.put(key, CacheEntry.of("old", clock.instant()), hours(1), hours(3));
            clock.advance(Duration.ofMinutes(61));

            first.put(key, CacheEntry.of("new", clock.instant()), hours(1), hours(3));

            assertThat(second.get(key)).map(CacheEntry::payload).contains("new");
        }
    }

    @Test
    void put_setsRedisTtlToKeepFor(RedisKeyspace keyspace) {
        var settings = settings(keyspace);
        try (var cache = new TieredResponseCache(settings, clock, new SimpleMeterRegistry())) {
            CacheKey key = CacheKeys.details("P1");

            cache.put(key, CacheEntry.of("x", clock.instant()), hours(1), hours(3));

            RedisClient client = RedisClient.create(keyspace.url());
            try (var connection = client.connect()) {
                long ttl = connection.sync().pttl(keyspace.prefix() + key.render());
                assertThat(ttl).isBetween(hours(3).toMillis() - 5_000, hours(3).toMillis());
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void invalidate_removesTheEntryForEveryInstance(RedisKeyspace keyspace) {
        var settings = settings(keyspace);
        try (var first = new TieredResponseCache(settings, clock, new SimpleMeterRegistry());
                var second = new TieredResponseCache(settings, clock, new SimpleMeterRegistry())) {
            CacheKey key = CacheKeys.details("P1");
            first.put(key, CacheEntry.of("x", clock.instant()), hours(1), hours(3));

            first.invalidate(key);

            assertThat(second.get(key)).isEmpty();
        }
    }

    private static TieredCacheSettings settings(RedisKeyspace keyspace) {
        return TieredCacheSettings.defaults()
                .withRedis(URI.create(keyspace.url()))
                .withKeyPrefix(keyspace.prefix());
    }

    private static Duration hours(long n) {
        return Duration.ofHours(n);
    }
}
