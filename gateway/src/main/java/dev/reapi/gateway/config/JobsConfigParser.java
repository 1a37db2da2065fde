package dev.reapi.gateway.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads the {@code jobs} and {@code notify} sections into {@link JobsConfig}; every error names its
 * key.
 */
final class JobsConfigParser {

    private JobsConfigParser() {}

    static JobsConfig parse(Section j, Section n) {
        j.only(
                "threads",
                "poll_interval_ms",
                "heartbeat_ms",
                "shutdown_wait_ms",
                "max_attempts",
                "max_inline_result_bytes",
                "data_dir",
                "vendor_rps",
                "upstream_share_percent",
                "public_base_url");
        n.only("max_attempts", "poll_interval_ms", "allow_http", "allow_private_callbacks");
        JobsConfig d = JobsConfig.defaults();
        String baseUrl = j.text("public_base_url", "");
        if (baseUrl.endsWith("/")) {
            throw new ConfigException(
                    j.path("public_base_url") + ": must not end with '/', was '" + baseUrl + "'");
        }
        return new JobsConfig(
                (int) j.integer("threads", d.threads(), 1, 256),
                millis(j, "poll_interval_ms", d.pollInterval(), 10),
                millis(j, "heartbeat_ms", d.heartbeat(), 100),
                millis(j, "shutdown_wait_ms", d.shutdownWait(), 0),
                (int) j.integer("max_attempts", d.maxAttempts(), 1, 100),
                (int)
                        j.integer(
                                "max_inline_result_bytes",
                                d.maxInlineResultBytes(),
                                1024,
                                64 << 20),
                Path.of(j.text("data_dir", d.dataDir().toString())),
                (int) j.integer("vendor_rps", d.vendorRps(), 1, 100_000),
                (int) j.integer("upstream_share_percent", d.upstreamSharePercent(), 1, 100),
                baseUrl,
                (int) n.integer("max_attempts", d.notifyMaxAttempts(), 1, 100),
                millis(n, "poll_interval_ms", d.notifyPollInterval(), 10),
                strictFlag(n, "allow_http"),
                strictFlag(n, "allow_private_callbacks"));
    }

    private static Duration millis(Section s, String key, Duration fallback, long min) {
        return Duration.ofMillis(s.integer(key, fallback.toMillis(), min, 3_600_000));
    }

    /** Exactly {@code true} or {@code false}, lower case; absent means false. */
    private static boolean strictFlag(Section s, String key) {
        String text = s.text(key, "false");
        if (!text.equals("true") && !text.equals("false")) {
            throw new ConfigException(s.path(key) + ": must be true or false, was '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }
}
