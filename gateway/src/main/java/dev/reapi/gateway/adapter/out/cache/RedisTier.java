package dev.reapi.gateway.adapter.out.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.domain.cache.CacheEntry;
import dev.reapi.gateway.domain.cache.CacheKey;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared tier: entries as JSON under {@code keyPrefix + type:value} in Redis, expiring with
 * their {@code keepFor} (time to live plus retention). When a command fails the tier goes down with
 * one WARN and every call is a cheap miss; a probe reconnects every {@code probeInterval} and
 * brings the tier back with one INFO. Thread-safe.
 */
final class RedisTier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTier.class);
    private static final int FORMAT = 1;

    private final RedisClient client;
    private final String where;
    private final String prefix;
    private final Duration timeout;
    private final Duration probeInterval;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicBoolean up = new AtomicBoolean(false);
    private final ScheduledExecutorService prober;
    private volatile @Nullable StatefulRedisConnection<String, String> connection;
    private @Nullable ScheduledFuture<?> probe;

    RedisTier(URI url, TieredCacheSettings settings, Clock clock) {
        this.where = TieredCacheSettings.redacted(url);
        this.prefix = settings.keyPrefix();
        this.timeout = settings.redisTimeout();
        this.probeInterval = settings.probeInterval();
        this.clock = clock;
        this.client = RedisClient.create(RedisURI.create(url));
        client.setOptions(
                ClientOptions.builder()
                        .autoReconnect(false)
                        .socketOptions(
                                SocketOptions.builder()
                                        .connectTimeout(timeout.multipliedBy(4))
                                        .build())
                        .build());
        this.prober =
                Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("reapi-cache-redis-probe").factory());
        if (tryConnect()) {
            up.set(true);
            LOG.info("Redis cache tier at {} connected (key prefix {})", where, prefix);
        } else {
            LOG.warn(
                    "Redis cache tier at {} unavailable; serving from the in-process tier and"
                            + " probing every {} ms",
                    where,
                    probeInterval.toMillis());
            scheduleProbe();
        }
    }

    /** Whether the tier is in use. */
    boolean isUp() {
        return up.get();
    }

    Optional<StoredEntry> get(CacheKey key) {
        StatefulRedisConnection<String, String> conn = connection;
        if (!up.get() || conn == null) {
            return Optional.empty();
        }
        String text;
        try {
            text = conn.sync().get(prefix + key.render());
        } catch (RuntimeException e) {
            markDown(e);
            return Optional.empty();
        }
        return text == null ? Optional.empty() : parse(key, text);
    }

    void put(CacheKey key, StoredEntry stored) {
        StatefulRedisConnection<String, String> conn = connection;
        long ttlMs = Duration.between(clock.instant(), stored.keepUntil()).toMillis();
        if (!up.get() || conn == null || ttlMs <= 0) {
            return;
        }
        try {
            conn.sync().set(prefix + key.render(), render(stored), SetArgs.Builder.px(ttlMs));
        } catch (RuntimeException e) {
            markDown(e);
        }
    }

    void invalidate(CacheKey key) {
        StatefulRedisConnection<String, String> conn = connection;
        if (!up.get() || conn == null) {
            return;
        }
        try {
            conn.sync().del(prefix + key.render());
        } catch (RuntimeException e) {
            markDown(e);
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
        StatefulRedisConnection<String, String> conn = connection;
        if (conn != null) {
            conn.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private void markDown(RuntimeException e) {
        if (up.compareAndSet(true, false)) {
            LOG.warn(
                    "Redis cache tier at {} failed ({}); serving from the in-process tier and"
                            + " probing every {} ms",
                    where,
                    e.toString(),
                    probeInterval.toMillis());
            scheduleProbe();
        }
    }

    private synchronized void scheduleProbe() {
        if (probe != null && !probe.isDone()) {
            return;
        }
        long every = probeInterval.toMillis();
        probe = prober.scheduleWithFixedDelay(this::probeOnce, every, every, TimeUnit.MILLISECONDS);
    }

    private void probeOnce() {
        if (!tryConnect()) {
            return;
        }
        synchronized (this) {
            if (probe != null) {
                probe.cancel(false);
            }
        }
        if (up.compareAndSet(false, true)) {
            LOG.info("Redis cache tier at {} is back; using it again", where);
        }
    }

    /** Opens a new connection and pings it; whether that worked. Never throws. */
    private boolean tryConnect() {
        StatefulRedisConnection<String, String> old = connection;
        connection = null;
        if (old != null) {
            var unused = old.closeAsync();
        }
        try {
            StatefulRedisConnection<String, String> fresh = client.connect();
            fresh.setTimeout(timeout);
            fresh.sync().ping();
            connection = fresh;
            return true;
        } catch (RuntimeException e) {
            LOG.debug("Redis cache tier at {} probe failed: {}", where, e.toString());
            return false;
        }
    }

    private String render(StoredEntry stored) {
        ObjectNode node = json.createObjectNode();
        node.put("v", FORMAT);
        node.put("stored_at", stored.entry().storedAt().toEpochMilli());
        node.put("negative", stored.entry().negative());
        node.put("fresh_for_ms", stored.freshFor().toMillis());
        node.put("keep_for_ms", stored.keepFor().toMillis());
        node.put("payload", stored.entry().payload());
        return node.toString();
    }

    private Optional<StoredEntry> parse(CacheKey key, String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node.path("v").asInt() != FORMAT) {
                return Optional.empty();
            }
            var entry =
                    new CacheEntry(
                            node.path("payload").asText(),
                            Instant.ofEpochMilli(node.path("stored_at").asLong()),
                            node.path("negative").asBoolean());
            return Optional.of(
                    new StoredEntry(
                            entry,
                            Duration.ofMillis(node.path("fresh_for_ms").asLong()),
                            Duration.ofMillis(node.path("keep_for_ms").asLong())));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.debug("ignoring unreadable Redis cache entry {}: {}", key, e.toString());
            return Optional.empty();
        }
    }
}
