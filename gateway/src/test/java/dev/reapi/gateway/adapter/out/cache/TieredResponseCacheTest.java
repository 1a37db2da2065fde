package dev.reapi.gateway.adapter.out.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.gateway.domain.cache.CacheEntry;
import dev.reapi.gateway.domain.cache.CacheKey;
import dev.reapi.gateway.domain.cache.CacheKeys;
import dev.reapi.gateway.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TieredResponseCacheTest {

    private final MutableClock clock = MutableClock.standard();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void get_afterPut_returnsTheEntryUntilKeepForEnds() {
        try (var cache = new TieredResponseCache(TieredCacheSettings.defaults(), clock, meters)) {
            CacheKey key = CacheKeys.details("P1");
            cache.put(key, CacheEntry.of("{\"id\":\"P1\"}", clock.instant()), hours(1), hours(2));

            clock.advance(hours(2).minusSeconds(1));
            var stillKept = cache.get(key);
            clock.advance(Duration.ofSeconds(1));
            var dropped = cache.get(key);

            assertThat(stillKept).map(CacheEntry::payload).contains("{\"id\":\"P1\"}");
            assertThat(dropped).isEmpty();
        }
    }

    @Test
    void put_olderEntry_doesNotReplaceNewer() {
        try (var cache = new TieredResponseCache(TieredCacheSettings.defaults(), clock, meters)) {
            CacheKey key = CacheKeys.details("P1");
            cache.put(key, CacheEntry.of("new", clock.instant()), hours(1), hours(2));
            cache.put(
                    key, CacheEntry.of("old", clock.instant().minusSeconds(5)), hours(1), hours(2));

            assertThat(cache.get(key)).map(CacheEntry::payload).contains("new");
        }
    }

    @Test
    void put_beyondMaxEntries_evictsDownToTheBound() {
        var settings = TieredCacheSettings.defaults().withLocalBounds(100, 0);
        try (var cache = new TieredResponseCache(settings, clock, meters)) {
            for (int i = 0; i < 1_000; i++) {
                cache.put(
                        CacheKeys.details("P" + i),
                        CacheEntry.of("x", clock.instant()),
                        hours(1),
                        hours(1));
            }

            long held = 0;
            for (int i = 0; i < 1_000; i++) {
                held += cache.get(CacheKeys.details("P" + i)).isPresent() ? 1 : 0;
            }

            assertThat(held).isBetween(1L, 100L);
        }
    }

    @Test
    void put_beyondMaxWeight_evictsDownToTheBound() {
        var settings = TieredCacheSettings.defaults().withLocalBounds(1, 100_000);
        try (var cache = new TieredResponseCache(settings, clock, meters)) {
            String payload = "x".repeat(10_000);
            for (int i = 0; i < 100; i++) {
                cache.put(
                        CacheKeys.details("P" + i),
                        CacheEntry.of(payload, clock.instant()),
                        hours(1),
                        hours(1));
            }

            long held = 0;
            for (int i = 0; i < 100; i++) {
                held += cache.get(CacheKeys.details("P" + i)).isPresent() ? 1 : 0;
            }

            assertThat(held).isBetween(1L, 5L);
        }
    }

    @Test
    void invalidate_removesTheEntry() {
        try (var cache = new TieredResponseCache(TieredCacheSettings.defaults(), clock, meters)) {
            CacheKey key = CacheKeys.details("P1");
            cache.put(key, CacheEntry.notFound(clock.instant()), hours(1), hours(1));

            cache.invalidate(key);

            assertThat(cache.get(key)).isEmpty();
            assertThat(cache.sharedTierUp()).isFalse();
        }
    }

    static Duration hours(long n) {
        return Duration.ofHours(n);
    }
}
