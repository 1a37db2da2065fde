package dev.reapi.gateway.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.gateway.application.port.out.ResponseCache;
import dev.reapi.gateway.domain.cache.CacheEntry;
import dev.reapi.gateway.domain.cache.CacheKey;
import dev.reapi.gateway.domain.cache.CacheKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CacheInvalidatingHookTest {

    private final List<CacheKey> invalidated = new ArrayList<>();
    private final ResponseCache cache =
            new ResponseCache() {
                @Override
                public Optional<CacheEntry> get(CacheKey key) {
                    return Optional.empty();
                }

                @Override
                public void put(
                        CacheKey key, CacheEntry entry, Duration freshFor, Duration keepFor) {}

                @Override
                public void invalidate(CacheKey key) {
                    invalidated.add(key);
                }
            };

    @Test
    void changed_soldOrNot_dropsOwnEntriesAndSignalsSearchesOnlyWhenSold() {
        var stale = new AtomicInteger();
        var hook = new CacheInvalidatingHook(cache, stale::incrementAndGet);

        hook.changed("P1", false);
        hook.changed("P2", true);

        assertThat(invalidated)
                .containsExactly(
                        CacheKeys.details("P1"),
                        CacheKeys.valuationById("P1"),
                        CacheKeys.details("P2"),
                        CacheKeys.valuationById("P2"));
        assertThat(stale).hasValue(1);
    }
}
