package dev.reapi.bench.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bench/jobs/bull/bench.js} under Node as a child process and reads the one JSON line
 * it prints. The script's output goes through {@link #parse}; its errors go to this process's
 * standard error. Stateless.
 */
final class BullRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path scriptDir;

    /** Runs the script in {@code scriptDir}, whose {@code node_modules} must hold Bull. */
    BullRun(Path scriptDir) {
        if (!Files.isDirectory(scriptDir.resolve("node_modules/bull"))) {
            throw new IllegalStateException(
                    "Bull is not installed in "
                            + scriptDir.resolve("node_modules")
                            + "; run `npm ci` in "
                            + scriptDir);
        }
        this.scriptDir = scriptDir;
    }

    /**
     * Runs {@code jobs} no-op jobs after {@code warmup} unmeasured ones on the script's default
     * Redis.
     *
     * @param rate submissions per second, or 0 to submit flat out from {@code submitters} loops
     */
    JobsResult run(int jobs, int warmup, int concurrency, int submitters, double rate)
            throws IOException, InterruptedException {
        return run(jobs, warmup, concurrency, submitters, rate, Optional.empty(), "Redis");
    }

    /**
     * Runs {@code jobs} no-op jobs after {@code warmup} unmeasured ones on the Redis at {@code
     * redisUrl} (the script's default when empty), reported as {@code store}.
     *
     * @param rate submissions per second, or 0 to submit flat out from {@code submitters} loops
     */
    JobsResult run(
            int jobs,
            int warmup,
            int concurrency,
            int submitters,
            double rate,
            Optional<String> redisUrl,
            String store)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "bench.js"));
        command.addAll(
                List.of(
                        "--jobs", String.valueOf(jobs),
                        "--warmup", String.valueOf(warmup),
                        "--concurrency", String.valueOf(concurrency),
                        "--submitters", String.valueOf(submitters),
                        "--rate", String.valueOf(rate)));
        var builder =
                new ProcessBuilder(command)
                        .directory(scriptDir.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT);
        redisUrl.ifPresent(url -> builder.environment().put("REDIS_URL", url));
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("bull bench did not finish within 10 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "bull bench exited with " + process.exitValue() + "; output: " + out.strip());
        }
        return parse(out, store);
    }

    /**
     * The result in the script's output: its last non-blank line, a JSON object; {@code store}
     * names the Redis it ran on.
     *
     * @throws IllegalArgumentException when that line is missing or lacks a field
     */
    static JobsResult parse(String output, String store) {
        String line = output.strip().lines().reduce((first, second) -> second).orElse("").strip();
        JsonNode json;
        try {
            json = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("bull bench printed no JSON: '" + line + "'", e);
        }
        double rate = number(json, "rate");
        return new JobsResult(
                text(json, "system"),
                store,
                rate > 0 ? "paced" : "throughput",
                (int) number(json, "jobs"),
                (int) number(json, "concurrency"),
                (int) number(json, "submitters"),
                rate,
                number(json, "seconds"),
                number(json, "p50Micros"),
                number(json, "p99Micros"));
    }

    private static double number(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(
                    "bull bench output lacks the number '" + field + "': " + json);
        }
        return value.asDouble();
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(
                    "bull bench output lacks the string '" + field + "': " + json);
        }
        return value.asText();
    }
}
