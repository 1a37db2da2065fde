package dev.reapi.gateway.adapter.out.ratelimit;

import dev.reapi.gateway.application.port.out.HealthCheck;
import dev.reapi.gateway.application.port.out.RateLimiter;
import dev.reapi.gateway.domain.user.RateLimit;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared limits while the shared store works, per-instance limits while it does not.
 *
 * <p>Every call goes to the shared limiter until one fails; then it logs one WARN, answers that
 * call and all later ones from the local limiter, and probes the shared store in the background
 * every probe interval (default {@link #DEFAULT_PROBE_INTERVAL}). When a probe succeeds it logs one
 * INFO and goes back to the shared limiter. While degraded, each instance allows the whole budget
 * by itself, so a user spread over N instances can get up to N times the limit.
 *
 * <p>Thread-safe. Close it to stop probing; it does not close the limiters it wraps.
 */
public final class FailoverRateLimiter implements RateLimiter, AutoCloseable {

    /** How often the shared store is probed while degraded, by default. */
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(FailoverRateLimiter.class);

    private final RateLimiter shared;
    private final RateLimiter local;
    private final HealthCheck sharedProbe;
    private final Duration probeInterval;
    private final ScheduledExecutorService prober;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private @Nullable ScheduledFuture<?> probing;

    /** A limiter probing every {@link #DEFAULT_PROBE_INTERVAL}. */
    public FailoverRateLimiter(RateLimiter shared, RateLimiter local, HealthCheck sharedProbe) {
        this(shared, local, sharedProbe, DEFAULT_PROBE_INTERVAL);
    }

    /**
     * A limiter over {@code shared}, falling back to {@code local}.
     *
     * @param sharedProbe says whether the shared store is reachable again
     * @param probeInterval the pause between probes while degraded, positive
     */
    public FailoverRateLimiter(
            RateLimiter shared,
            RateLimiter local,
            HealthCheck sharedProbe,
            Duration probeInterval) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.local = Objects.requireNonNull(local, "local");
        this.sharedProbe = Objects.requireNonNull(sharedProbe, "sharedProbe");
        if (probeInterval.isNegative() || probeInterval.isZero()) {
            throw new IllegalArgumentException(
                    "probeInterval must be positive, was " + probeInterval);
        }
        this.probeInterval = probeInterval;
        this.prober =
                Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("reapi-ratelimit-probe").daemon().factory());
    }

    @Override
    public Decision tryAcquire(String bucketKey, RateLimit limit) {
        if (!degraded.get()) {
            try {
                return shared.tryAcquire(bucketKey, limit);
            } catch (RuntimeException e) {
                degrade(e);
            }
        }
        return local.tryAcquire(bucketKey, limit);
    }

    /** Whether limits are currently shared, that is not degraded to per-instance limits. */
    public boolean isShared() {
        return !degraded.get();
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }

    private void degrade(RuntimeException cause) {
        if (!degraded.compareAndSet(false, true)) {
            return;
        }
        LOG.warn(
                "Shared rate limiter failed ({}); rate limits are per-instance until Redis is"
                        + " back, probing every {} ms",
                cause.getMessage(),
                probeInterval.toMillis());
        synchronized (this) {
            if (!prober.isShutdown()) {
                probing =
                        prober.scheduleWithFixedDelay(
                                this::probe,
                                probeInterval.toNanos(),
                                probeInterval.toNanos(),
                                TimeUnit.NANOSECONDS);
            }
        }
    }

    private void probe() {
        HealthCheck.Result result = sharedProbe.check();
        if (!result.healthy()) {
            return;
        }
        synchronized (this) {
            if (probing != null) {
                probing.cancel(false);
                probing = null;
            }
        }
        if (degraded.compareAndSet(true, false)) {
            LOG.info(
                    "Redis is back (answered in {} ms); rate limits are shared again",
                    result.responseTimeMs());
        }
    }
}
