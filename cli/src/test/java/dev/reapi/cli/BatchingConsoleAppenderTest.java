package dev.reapi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchingConsoleAppenderTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("reapi.access");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void stopContext() {
        context.stop();
    }

    private BatchingConsoleAppender appender(int queueSize, long flushIntervalMillis) {
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        var appender = new BatchingConsoleAppender(out);
        appender.setContext(context);
        appender.setName("ACCESS");
        appender.setEncoder(encoder);
        appender.setQueueSize(queueSize);
        appender.setFlushIntervalMillis(flushIntervalMillis);
        appender.start();
        return appender;
    }

    private void log(BatchingConsoleAppender appender, String message, Object argument) {
        appender.doAppend(
                new LoggingEvent(
                        "test", logger, Level.INFO, message, null, new Object[] {argument}));
    }

    private String written() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void append_fromManyThreads_writesEveryLineWithinAnInterval() throws Exception {
        BatchingConsoleAppender appender = appender(8192, 5);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(
                    Thread.ofVirtual()
                            .start(
                                    () -> {
                                        for (int i = 0; i < 500; i++) {
                                            log(appender, "line {}", thread * 1000 + i);
                                        }
                                    }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        await().atMost(5, TimeUnit.SECONDS).until(() -> written().lines().count() == 2000);
        assertThat(written().lines()).doesNotHaveDuplicates().allMatch(l -> l.startsWith("line "));
        appender.stop();
    }

    @Test
    void stop_writesWhatIsQueued_inOrder() {
        BatchingConsoleAppender appender = appender(8192, 60_000);
        for (int i = 0; i < 100; i++) {
            log(appender, "line {}", i);
        }

        appender.stop();

        List<String> lines = written().lines().toList();
        assertThat(lines).hasSize(100);
        assertThat(lines.getFirst()).isEqualTo("line 0");
        assertThat(lines.getLast()).isEqualTo("line 99");
    }

    @Test
    void append_whenQueueIsFull_dropsNewLines() {
        BatchingConsoleAppender appender = appender(10, 60_000);
        for (int i = 0; i < 25; i++) {
            log(appender, "line {}", i);
        }

        appender.stop();

        assertThat(written().lines().toList()).hasSize(10).endsWith("line 9");
    }

    @Test
    void start_withoutEncoder_staysStopped() {
        var appender = new BatchingConsoleAppender(out);
        appender.setContext(context);

        appender.start();

        assertThat(appender.isStarted()).isFalse();
    }
}
