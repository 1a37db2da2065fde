package dev.reapi.gateway.adapter.out.cache;

import dev.reapi.gateway.application.port.out.HealthCheck;
import java.util.Objects;

/**
 * Reports whether the shared Redis tier of the response cache is in use. Not required: without it
 * the gateway serves from the in-process tier. Reads the tier's state; never blocks or throws.
 */
public final class SharedCacheHealthCheck implements HealthCheck {

    private final TieredResponseCache cache;

    /** A check of {@code cache}'s shared tier. */
    public SharedCacheHealthCheck(TieredResponseCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public Result check() {
        return cache.sharedTierUp()
                ? new Result(true, 0, "")
                : new Result(false, 0, "shared Redis tier down; serving from the in-process tier");
    }
}
