package dev.reapi.gateway.adapter.out.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.reapi.gateway.domain.cache.CacheEntry;
import dev.reapi.gateway.domain.cache.CacheKey;
import dev.reapi.gateway.domain.cache.CacheKeys;
import dev.reapi.gateway.testing.MutableClock;
import dev.reapi.gateway.testing.RedisServerProcess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs its own redis-server on a free port, stops it and starts it again. */
class RedisOutageTest {

    private final MutableClock clock = MutableClock.standard();

    @Test
    @Timeout(60)
    void redisStoppedAndRestarted_l1KeepsServingAndL2ComesBack() {
        try (var redis = RedisServerProcess.start();
                var log = new LogCapture(RedisTier.class);
                var cache = new TieredResponseCache(settings(redis), clock, meters());
                var peer = new TieredResponseCache(settings(redis), clock, meters())) {
            CacheKey before = CacheKeys.details("P1");
            cache.put(before, CacheEntry.of("one", clock.instant()), hours(1), hours(2));

            redis.stop();
            CacheKey during = CacheKeys.details("P2");
            for (int i = 0; i < 5; i++) {
                cache.put(during, CacheEntry.of("two", clock.instant()), hours(1), hours(2));
                assertThat(cache.get(before)).map(CacheEntry::payload).contains("one");
                assertThat(cache.get(during)).map(CacheEntry::payload).contains("two");
                assertThat(peer.get(during)).isEmpty();
            }
            assertThat(cache.sharedTierUp()).isFalse();
            assertThat(peer.sharedTierUp()).isFalse();
            assertThat(log.messages(Level.WARN)).as("one WARN per instance").hasSize(2);

            redis.startAgain();
            await().atMost(Duration.ofSeconds(10)).until(cache::sharedTierUp);
            await().atMost(Duration.ofSeconds(10)).until(peer::sharedTierUp);
            CacheKey after = CacheKeys.details("P3");
            cache.put(after, CacheEntry.of("three", clock.instant()), hours(1), hours(2));

            assertThat(peer.get(after)).map(CacheEntry::payload).contains("three");
            assertThat(log.messages(Level.WARN)).hasSize(2);
            assertThat(log.messages(Level.INFO)).anyMatch(m -> m.contains("is back"));
        }
    }

    @Test
    @Timeout(60)
    void redisDownAtStart_cacheWorksAndPicksRedisUpLater() {
        try (var redis = RedisServerProcess.start()) {
            redis.stop();
            try (var cache = new TieredResponseCache(settings(redis), clock, meters())) {
                CacheKey key = CacheKeys.details("P1");
                cache.put(key, CacheEntry.of("one", clock.instant()), hours(1), hours(2));
                assertThat(cache.get(key)).map(CacheEntry::payload).contains("one");
                assertThat(cache.sharedTierUp()).isFalse();

                redis.startAgain();

                await().atMost(Duration.ofSeconds(10)).until(cache::sharedTierUp);
            }
        }
    }

    private static TieredCacheSettings settings(RedisServerProcess redis) {
        return TieredCacheSettings.defaults()
                .withRedis(URI.create(redis.url()))
                .withKeyPrefix("outage:")
                .withProbeInterval(Duration.ofMillis(100));
    }

    private static SimpleMeterRegistry meters() {
        return new SimpleMeterRegistry();
    }

    private static Duration hours(long n) {
        return Duration.ofHours(n);
    }
}
