package dev.reapi.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends a file of signed events with {@code wrk} and {@code bench/sync/webhooks.lua} for a fixed
 * time: each event at most once, over a fixed number of keep-alive connections, each sending its
 * next event when the last is answered (closed loop), at once or after a fixed pause. wrk runs as
 * its own process, so the sender's CPU is a small native event loop rather than a JVM sharing the
 * gateway's heap and JIT.
 */
final class WrkWebhookLoad {

    /** The wrk threads; each sends every {@code THREADS}-th event of the file. */
    private static final int THREADS = 2;

    private static final Path SCRIPT = Path.of("bench/sync/webhooks.lua");

    private WrkWebhookLoad() {}

    /**
     * What wrk reported.
     *
     * @param events the events sent (each once); the gateway stored every one it answered
     * @param accepted the events answered 2xx before wrk stopped
     * @param failed answers 4xx or 5xx, plus socket errors and timeouts
     * @param exhausted whether a wrk thread used up its events before the end (too few events)
     * @param seconds from the first request to wrk's stop
     * @param p99Ms wrk's 99th percentile of the time from sending a request to its answer
     */
    record Outcome(
            long events,
            long accepted,
            long failed,
            boolean exhausted,
            double seconds,
            double p99Ms) {

        double perSecond() {
            return accepted / seconds;
        }
    }

    /**
     * Sends the events in {@code events} to {@code base} over {@code connections} for {@code
     * seconds}, each connection waiting {@code delayMs} before each request (0: none).
     *
     * @throws IOException when wrk is missing, fails, or prints no result
     */
    static Outcome send(URI base, Path events, int connections, int seconds, int delayMs)
            throws IOException, InterruptedException {
        var builder =
                new ProcessBuilder(
                                "wrk",
                                "-t" + THREADS,
                                "-c" + connections,
                                "-d" + seconds + "s",
                                "--timeout",
                                "30s",
                                "-s",
                                script().toString(),
                                base.toString())
                        .redirectErrorStream(true);
        builder.environment().put("EVENTS", events.toAbsolutePath().toString());
        builder.environment().put("THREADS", Integer.toString(THREADS));
        builder.environment().put("DELAY_MS", Integer.toString(delayMs));
        Process wrk = builder.start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IOException("wrk exited with " + wrk.exitValue() + ":\n" + output);
        }
        String json =
                output.lines()
                        .filter(line -> line.startsWith("{"))
                        .reduce((first, second) -> second)
                        .orElseThrow(() -> new IOException("wrk printed no result:\n" + output));
        JsonNode result = new ObjectMapper().readTree(json);
        return new Outcome(
                result.get("events").asLong(),
                result.get("accepted").asLong(),
                result.get("http_errors").asLong() + result.get("socket_errors").asLong(),
                result.get("exhausted").asLong() > 0,
                result.get("duration_us").asLong() / 1e6,
                result.get("p99_us").asLong() / 1e3);
    }

    private static Path script() {
        return Files.exists(SCRIPT) ? SCRIPT : Path.of("..").resolve(SCRIPT);
    }
}
