package dev.reapi.gateway.adapter.out.health;

import dev.reapi.gateway.application.port.out.HealthCheck;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Whether Redis answers PING on an existing connection within a timeout (default {@link
 * #DEFAULT_TIMEOUT}). Named {@code redis}. Thread-safe.
 */
public final class RedisHealthCheck implements HealthCheck {

    /** How long a check waits by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    private final StatefulRedisConnection<?, ?> connection;
    private final Duration timeout;
    private final boolean required;

    /**
     * A check on {@code connection}.
     *
     * @param required whether the gateway is not ready without Redis (false when it can fall back)
     * @param timeout how long to wait for PONG, positive
     */
    public RedisHealthCheck(
            StatefulRedisConnection<?, ?> connection, boolean required, Duration timeout) {
        this.connection = Objects.requireNonNull(connection, "connection");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        this.required = required;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public Result check() {
        return Probes.run(
                () -> connection.async().ping().get(timeout.toNanos(), TimeUnit.NANOSECONDS),
                timeout);
    }
}
