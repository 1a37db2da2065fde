package dev.reapi.sandbox;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * How to start a {@link Sandbox}. Immutable; start from {@link #defaults()} and change members with
 * the {@code withX} methods.
 *
 * @param host the interface to bind; default {@code 127.0.0.1}
 * @param port the TCP port; 0 (default) picks a free one
 * @param properties how many properties exist ({@code P000000001} to {@code P<N>}); default
 *     100,000, at most 999,999,999. Nothing is stored per property, so ten million cost no more
 *     memory than a hundred.
 * @param seed the seed of the data and of every random draw; default 42
 * @param apiKeys the keys {@code X-API-Key} accepts; default {@code {"sandbox"}}
 * @param marketChangesPerSecond the background simulation's rate; default 0 (off: use {@link
 *     Sandbox#tick(int)})
 * @param faults the faults in force at start; default none
 * @param clock the clock of timestamps, outages, quotas and the dataset's anchor day; default UTC
 *     system clock
 */
public record SandboxOptions(
        String host,
        int port,
        long properties,
        long seed,
        Set<String> apiKeys,
        double marketChangesPerSecond,
        FaultSettings faults,
        Clock clock) {

    /** The largest dataset: ids have nine digits. */
    public static final long MAX_PROPERTIES = 999_999_999L;

    public SandboxOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        apiKeys = Set.copyOf(apiKeys);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (properties < 1 || properties > MAX_PROPERTIES) {
            throw new IllegalArgumentException(
                    "properties must be in 1.." + MAX_PROPERTIES + ", got " + properties);
        }
        if (apiKeys.isEmpty() || apiKeys.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("apiKeys must be non-empty and non-blank");
        }
        if (!(marketChangesPerSecond >= 0) || Double.isInfinite(marketChangesPerSecond)) {
            throw new IllegalArgumentException(
                    "marketChangesPerSecond must be finite and >= 0, got "
                            + marketChangesPerSecond);
        }
    }

    /**
     * Loopback, any free port, 100,000 properties, seed 42, key "sandbox", no market, no faults.
     */
    public static SandboxOptions defaults() {
        return new SandboxOptions(
                "127.0.0.1",
                0,
                100_000,
                42,
                Set.of("sandbox"),
                0,
                FaultSettings.none(),
                Clock.systemUTC());
    }

    public SandboxOptions withHost(String value) {
        return new SandboxOptions(
                value, port, properties, seed, apiKeys, marketChangesPerSecond, faults, clock);
    }

    public SandboxOptions withPort(int value) {
        return new SandboxOptions(
                host, value, properties, seed, apiKeys, marketChangesPerSecond, faults, clock);
    }

    public SandboxOptions withProperties(long value) {
        return new SandboxOptions(
                host, port, value, seed, apiKeys, marketChangesPerSecond, faults, clock);
    }

    public SandboxOptions withSeed(long value) {
        return new SandboxOptions(
                host, port, properties, value, apiKeys, marketChangesPerSecond, faults, clock);
    }

    public SandboxOptions withApiKeys(Set<String> value) {
        return new SandboxOptions(
                host, port, properties, seed, value, marketChangesPerSecond, faults, clock);
    }

    public SandboxOptions withMarketChangesPerSecond(double value) {
        return new SandboxOptions(host, port, properties, seed, apiKeys, value, faults, clock);
    }

    public SandboxOptions withFaults(FaultSettings value) {
        return new SandboxOptions(
                host, port, properties, seed, apiKeys, marketChangesPerSecond, value, clock);
    }

    public SandboxOptions withClock(Clock value) {
        return new SandboxOptions(
                host, port, properties, seed, apiKeys, marketChangesPerSecond, faults, value);
    }

    /** Omits the API keys: they are secrets. */
    @Override
    public String toString() {
        return "SandboxOptions[host="
                + host
                + ", port="
                + port
                + ", properties="
                + properties
                + ", seed="
                + seed
                + ", apiKeys="
                + apiKeys.size()
                + " key(s)"
                + ", marketChangesPerSecond="
                + marketChangesPerSecond
                + ", faults="
                + faults
                + ", clock="
                + clock
                + "]";
    }
}
