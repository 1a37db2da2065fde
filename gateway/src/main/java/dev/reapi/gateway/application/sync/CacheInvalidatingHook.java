package dev.reapi.gateway.application.sync;

import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.ResponseCache;
import dev.reapi.gateway.domain.cache.CacheKeys;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops a changed property's own cache entries (details and valuation by id) and passes the
 * "searches stale" signal to {@code onSearchesStale}, which the cache owner decides how to honour
 * (search keys are canonical criteria, so they cannot be derived from a property id). Never throws:
 * a failed invalidation is logged and the entry expires by its TTL. Thread-safe when {@code
 * onSearchesStale} is.
 */
public final class CacheInvalidatingHook implements ChangeHook {

    private static final Logger LOG = LoggerFactory.getLogger(CacheInvalidatingHook.class);

    private final ResponseCache cache;
    private final Runnable onSearchesStale;

    /** A hook over {@code cache}; {@code onSearchesStale} runs when a property became sold. */
    public CacheInvalidatingHook(ResponseCache cache, Runnable onSearchesStale) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.onSearchesStale = Objects.requireNonNull(onSearchesStale, "onSearchesStale");
    }

    @Override
    public void changed(String propertyId, boolean searchesStale) {
        try {
            cache.invalidate(CacheKeys.details(propertyId));
            cache.invalidate(CacheKeys.valuationById(propertyId));
            if (searchesStale) {
                onSearchesStale.run();
            }
        } catch (RuntimeException e) {
            LOG.error("Cache invalidation for changed property {} failed", propertyId, e);
        }
    }
}
