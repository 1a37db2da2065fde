package dev.reapi.gateway.adapter.out.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.reapi.gateway.application.port.out.RateLimiter.Decision;
import dev.reapi.gateway.domain.user.RateLimit;
import dev.reapi.gateway.testing.MutableClock;
import dev.reapi.gateway.testing.RedisServerProcess;
import dev.reapi.gateway.testing.RequiresRedis;
import dev.reapi.gateway.testing.TestRedis.RedisKeyspace;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RedisRateLimiterTest {

    private final MutableClock clock = MutableClock.atEpochOf2026();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    @RequiresRedis
    @Timeout(60)
    void tryAcquire_twoInstancesConcurrently_shareOneBudgetExactly(RedisKeyspace keyspace)
            throws Exception {
        RedisRateLimiter one = limiter(client(keyspace.url()), keyspace.prefix());
        RedisRateLimiter two = limiter(client(keyspace.url()), keyspace.prefix());
        var limit = new RateLimit(150, Duration.ofHours(1));
        var start = new CountDownLatch(1);
        List<Future<Decision>> futures = new ArrayList<>();

        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                futures.add(executor.submit(acquire(one, limit, start)));
                futures.add(executor.submit(acquire(two, limit, start)));
            }
            start.countDown();
        }

        long allowed = 0;
        for (Future<Decision> future : futures) {
            allowed += future.get().allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(150);
        assertThat(two.tryAcquire("u1:search", limit).retryAfter())
                .isEqualTo(Duration.ofSeconds(24));
    }

    @Test
    @RequiresRedis
    void tryAcquire_afterRefillTime_allowsAgain(RedisKeyspace keyspace) {
        RedisRateLimiter limiter = limiter(client(keyspace.url()), keyspace.prefix());
        var limit = new RateLimit(2, Duration.ofSeconds(10));
        limiter.tryAcquire("u1:details", limit);
        limiter.tryAcquire("u1:details", limit);
        Decision rejected = limiter.tryAcquire("u1:details", limit);

        clock.advance(rejected.retryAfter());

        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(limiter.tryAcquire("u1:details", limit).allowed()).isTrue();
    }

    @Test
    @Timeout(60)
    void failover_redisStoppedAndRestarted_degradesToLocalAndBack() {
        RedisServerProcess server = track(RedisServerProcess.start());
        RedisRateLimiter redis = limiter(client(server.url()), "test:failover:");
        var failover =
                track(
                        new FailoverRateLimiter(
                                redis,
                                new LocalRateLimiter(clock, 100),
                                redis.healthCheck(),
                                Duration.ofMillis(100)));
        ListAppender<ILoggingEvent> logs =
                FailoverRateLimiterTest.LogCapture.attach(FailoverRateLimiter.class);
        resources.add(
                () -> FailoverRateLimiterTest.LogCapture.detach(FailoverRateLimiter.class, logs));
        var limit = new RateLimit(5, Duration.ofMinutes(1));
        assertThat(failover.tryAcquire("u1:search", limit).remaining()).isEqualTo(4);

        server.stop();
        Decision whileDown = failover.tryAcquire("u1:search", limit);
        Decision stillDown = failover.tryAcquire("u1:search", limit);

        assertThat(whileDown.remaining()).isEqualTo(4);
        assertThat(stillDown.remaining()).isEqualTo(3);
        assertThat(failover.isShared()).isFalse();
        assertThat(FailoverRateLimiterTest.LogCapture.messages(logs, Level.WARN))
                .singleElement()
                .asString()
                .contains("rate limits are per-instance until Redis is back");

        server.startAgain();
        await().atMost(Duration.ofSeconds(30)).until(failover::isShared);

        // The restarted server kept nothing, so the shared bucket starts full again.
        assertThat(failover.tryAcquire("u1:search", limit).remaining()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () ->
                                assertThat(
                                                FailoverRateLimiterTest.LogCapture.messages(
                                                        logs, Level.INFO))
                                        .singleElement()
                                        .asString()
                                        .contains("rate limits are shared again"));
    }

    @Test
    void tryAcquire_redisDown_throwsNamingTheBucket() {
        RedisServerProcess server = track(RedisServerProcess.start());
        RedisRateLimiter limiter = limiter(client(server.url()), "test:down:");
        server.stop();

        assertThatThrownBy(
                        () ->
                                limiter.tryAcquire(
                                        "u9:jobs", new RateLimit(1, Duration.ofSeconds(1))))
                .isInstanceOf(RateLimiterUnavailableException.class)
                .hasMessageStartingWith(
                        "rate limit bucket test:down:u9:jobs:1/1000ms is unavailable");
        assertThat(limiter.healthCheck().check().healthy()).isFalse();
    }

    @Test
    void constructor_redisUnreachable_throwsRateLimiterUnavailable() {
        RedisClient client = client("redis://127.0.0.1:1");

        assertThatThrownBy(() -> limiter(client, "test:none:"))
                .isInstanceOf(RateLimiterUnavailableException.class)
                .hasMessageStartingWith("rate limit store Redis is unavailable: ");
    }

    private static Callable<Decision> acquire(
            RedisRateLimiter limiter, RateLimit limit, CountDownLatch start) {
        return () -> {
            start.await();
            return limiter.tryAcquire("u1:search", limit);
        };
    }

    private RedisClient client(String url) {
        // Reconnect quickly and refuse commands while disconnected, so failures show at once.
        ClientResources clientResources =
                ClientResources.builder()
                        .reconnectDelay(Delay.constant(Duration.ofMillis(100)))
                        .build();
        RedisClient client = RedisClient.create(clientResources, url);
        client.setOptions(
                ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build());
        resources.add(() -> clientResources.shutdown().get(10, TimeUnit.SECONDS));
        resources.add(client::shutdown);
        return client;
    }

    private RedisRateLimiter limiter(RedisClient client, String prefix) {
        return track(new RedisRateLimiter(client, prefix, Duration.ofSeconds(2), clock));
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }
}
