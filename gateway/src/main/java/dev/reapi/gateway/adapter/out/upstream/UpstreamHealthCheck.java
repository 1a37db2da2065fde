package dev.reapi.gateway.adapter.out.upstream;

import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.gateway.application.port.out.HealthCheck;
import java.util.Objects;

/**
 * Probes the upstream's unbilled health route through the client. Required: without the upstream
 * the gateway cannot answer (until the cache and replica steps add fallbacks). Thread-safe.
 */
public final class UpstreamHealthCheck implements HealthCheck {

    private final RealEstateApiClient client;

    /** A probe through {@code client}, which bounds it by its call timeout. */
    public UpstreamHealthCheck(RealEstateApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String name() {
        return "upstream";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public Result check() {
        long start = System.nanoTime();
        try {
            boolean ok = client.health().isOk();
            return new Result(ok, elapsedMs(start), ok ? "" : "upstream reports not ok");
        } catch (RealEstateApiException e) {
            return new Result(
                    false,
                    elapsedMs(start),
                    e.getClass().getSimpleName() + " status " + e.status());
        } catch (RuntimeException e) {
            return new Result(false, elapsedMs(start), e.getClass().getSimpleName());
        }
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
