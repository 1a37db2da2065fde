package dev.reapi.gateway.adapter.out.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.reapi.gateway.application.port.out.HealthCheck;
import dev.reapi.gateway.application.port.out.RateLimiter;
import dev.reapi.gateway.domain.user.RateLimit;
import dev.reapi.gateway.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The switching logic, with hand-written stand-ins for Redis; see the Redis test for the real
 * thing.
 */
class FailoverRateLimiterTest {

    private static final RateLimit LIMIT = new RateLimit(2, Duration.ofMinutes(1));

    private final AtomicBoolean sharedUp = new AtomicBoolean(true);
    private final AtomicInteger sharedCalls = new AtomicInteger();
    private final RateLimiter shared =
            (key, limit) -> {
                sharedCalls.incrementAndGet();
                if (!sharedUp.get()) {
                    throw new IllegalStateException("connection refused");
                }
                return new RateLimiter.Decision(
                        true, limit.requests(), 99, Duration.ZERO, Duration.ZERO);
            };
    private final HealthCheck probe =
            new HealthCheck() {
                @Override
                public String name() {
                    return "redis";
                }

                @Override
                public boolean required() {
                    return false;
                }

                @Override
                public Result check() {
                    return new Result(sharedUp.get(), 1, sharedUp.get() ? "" : "down");
                }
            };
    private final LocalRateLimiter local = new LocalRateLimiter(MutableClock.atEpochOf2026(), 100);
    private final FailoverRateLimiter limiter =
            new FailoverRateLimiter(shared, local, probe, Duration.ofMillis(20));
    private final ListAppender<ILoggingEvent> logs = LogCapture.attach(FailoverRateLimiter.class);

    @AfterEach
    void close() {
        limiter.close();
        LogCapture.detach(FailoverRateLimiter.class, logs);
    }

    @Test
    void tryAcquire_sharedFails_answersLocallyAndWarnsOnce() {
        sharedUp.set(false);

        RateLimiter.Decision first = limiter.tryAcquire("u1", LIMIT);
        RateLimiter.Decision second = limiter.tryAcquire("u1", LIMIT);
        RateLimiter.Decision third = limiter.tryAcquire("u1", LIMIT);

        assertThat(first.remaining()).isEqualTo(1);
        assertThat(second.remaining()).isZero();
        assertThat(third.allowed()).isFalse();
        assertThat(limiter.isShared()).isFalse();
        assertThat(sharedCalls).hasValue(1);
        assertThat(LogCapture.messages(logs, Level.WARN))
                .singleElement()
                .asString()
                .contains("rate limits are per-instance until Redis is back");
    }

    @Test
    void tryAcquire_sharedBack_returnsToSharedWithInfo() {
        sharedUp.set(false);
        limiter.tryAcquire("u1", LIMIT);

        sharedUp.set(true);
        await().atMost(Duration.ofSeconds(5)).until(limiter::isShared);
        RateLimiter.Decision decision = limiter.tryAcquire("u1", LIMIT);

        assertThat(decision.remaining()).isEqualTo(99);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () ->
                                assertThat(LogCapture.messages(logs, Level.INFO))
                                        .singleElement()
                                        .asString()
                                        .contains("rate limits are shared again"));
    }

    /** Captures one logger's events for assertions. */
    static final class LogCapture {

        private LogCapture() {}

        static ListAppender<ILoggingEvent> attach(Class<?> type) {
            var appender = new ListAppender<ILoggingEvent>();
            appender.start();
            ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
            return appender;
        }

        static void detach(Class<?> type, ListAppender<ILoggingEvent> appender) {
            ((Logger) LoggerFactory.getLogger(type)).detachAppender(appender);
        }

        static List<String> messages(ListAppender<ILoggingEvent> appender, Level level) {
            return List.copyOf(appender.list).stream()
                    .filter(e -> e.getLevel() == level)
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }
}
