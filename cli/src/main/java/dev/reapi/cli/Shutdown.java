package dev.reapi.cli;

import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/** Keeps a server command in the foreground until the process is asked to stop. */
final class Shutdown {

    private Shutdown() {}

    /**
     * Blocks until SIGINT or SIGTERM, then closes {@code resources} in reverse order (the last
     * started stops first) before the JVM exits.
     */
    static void awaitSignal(AutoCloseable... resources) throws InterruptedException {
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    closeAll(resources);
                                    stopped.countDown();
                                },
                                "reapi-shutdown"));
        stopped.await();
    }

    private static void closeAll(AutoCloseable... resources) {
        for (int i = resources.length - 1; i >= 0; i--) {
            try {
                resources[i].close();
            } catch (Exception e) {
                System.err.println("reapi: while stopping: " + CliErrors.describe(e));
            }
        }
        // The access log is written by a background thread: stopping logback writes what is queued.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.stop();
        }
    }
}
