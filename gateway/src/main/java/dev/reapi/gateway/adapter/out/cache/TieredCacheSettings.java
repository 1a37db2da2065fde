package dev.reapi.gateway.adapter.out.cache;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the response cache is set up.
 *
 * @param maxEntries most entries the in-process tier holds (default 100,000); used when {@code
 *     maxWeightBytes} is 0
 * @param maxWeightBytes most estimated bytes the in-process tier holds; 0 (the default) bounds it
 *     by {@code maxEntries} instead
 * @param redisUrl the shared tier's {@code redis://} URI, or empty for none; never logged whole
 * @param keyPrefix prepended to every Redis key (default {@code reapi:cache:})
 * @param redisTimeout how long one Redis command may take before the tier counts as down (default
 *     250 ms)
 * @param probeInterval how often a down Redis is probed (default 5 s)
 */
public record TieredCacheSettings(
        long maxEntries,
        long maxWeightBytes,
        Optional<URI> redisUrl,
        String keyPrefix,
        Duration redisTimeout,
        Duration probeInterval) {

    public TieredCacheSettings {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be > 0, was " + maxEntries);
        }
        if (maxWeightBytes < 0) {
            throw new IllegalArgumentException(
                    "maxWeightBytes must be >= 0, was " + maxWeightBytes);
        }
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(redisTimeout, "redisTimeout");
        Objects.requireNonNull(probeInterval, "probeInterval");
        if (redisTimeout.isNegative() || redisTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "redisTimeout must be positive, was " + redisTimeout);
        }
        if (probeInterval.isNegative() || probeInterval.isZero()) {
            throw new IllegalArgumentException(
                    "probeInterval must be positive, was " + probeInterval);
        }
    }

    /** The defaults: 100,000 entries in process, no Redis. */
    public static TieredCacheSettings defaults() {
        return new TieredCacheSettings(
                100_000,
                0,
                Optional.empty(),
                "reapi:cache:",
                Duration.ofMillis(250),
                Duration.ofSeconds(5));
    }

    /** These settings with a shared Redis tier at {@code url}. */
    public TieredCacheSettings withRedis(URI url) {
        return new TieredCacheSettings(
                maxEntries,
                maxWeightBytes,
                Optional.of(url),
                keyPrefix,
                redisTimeout,
                probeInterval);
    }

    /** These settings with another Redis key prefix. */
    public TieredCacheSettings withKeyPrefix(String prefix) {
        return new TieredCacheSettings(
                maxEntries, maxWeightBytes, redisUrl, prefix, redisTimeout, probeInterval);
    }

    /** These settings with another probe interval for a down Redis. */
    public TieredCacheSettings withProbeInterval(Duration interval) {
        return new TieredCacheSettings(
                maxEntries, maxWeightBytes, redisUrl, keyPrefix, redisTimeout, interval);
    }

    /** These settings bounding the in-process tier by entries or (when > 0) by bytes. */
    public TieredCacheSettings withLocalBounds(long entries, long weightBytes) {
        return new TieredCacheSettings(
                entries, weightBytes, redisUrl, keyPrefix, redisTimeout, probeInterval);
    }

    @Override
    public String toString() {
        return "TieredCacheSettings[maxEntries="
                + maxEntries
                + ", maxWeightBytes="
                + maxWeightBytes
                + ", redis="
                + redisUrl.map(TieredCacheSettings::redacted).orElse("none")
                + ", keyPrefix="
                + keyPrefix
                + "]";
    }

    /** The URI without credentials, safe to log. */
    static String redacted(URI url) {
        String host = url.getHost() == null ? "?" : url.getHost();
        return url.getScheme() + "://" + host + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
