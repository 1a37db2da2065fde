package dev.reapi.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of asynchronous jobs and notifications: keys {@code jobs.*} and {@code notify.*},
 * documented in {@code docs/operations.md}.
 *
 * @param threads jobs run at once by this instance (default 4)
 * @param pollInterval how often this instance looks for due jobs (default 250 ms)
 * @param heartbeat how often a running job proves its worker alive (default 5 s); a job whose
 *     worker missed 4 heartbeats is run again by another instance
 * @param shutdownWait how long a graceful stop waits for running jobs (default 10 s)
 * @param maxAttempts attempts before a job is dead (default 5)
 * @param maxInlineResultBytes largest result kept in the database (default 1 MiB)
 * @param dataDir where file results are written, under {@code job-results} (default {@code ./data})
 * @param vendorRps the vendor's per-second limit for our key (default 10)
 * @param upstreamSharePercent the share of {@code vendorRps} jobs may use (default 50)
 * @param publicBaseUrl the gateway's public URL for links in notifications, empty for relative
 * @param notifyMaxAttempts webhook delivery attempts before a delivery is dead (default 8)
 * @param notifyPollInterval how often the relay and the event streams read the outbox (default 500
 *     ms)
 * @param allowHttpCallbacks accept {@code http} callback URLs (demo mode; default false)
 * @param allowPrivateCallbacks accept callbacks to private or loopback addresses (default false)
 */
public record JobsConfig(
        int threads,
        Duration pollInterval,
        Duration heartbeat,
        Duration shutdownWait,
        int maxAttempts,
        int maxInlineResultBytes,
        Path dataDir,
        int vendorRps,
        int upstreamSharePercent,
        String publicBaseUrl,
        int notifyMaxAttempts,
        Duration notifyPollInterval,
        boolean allowHttpCallbacks,
        boolean allowPrivateCallbacks) {

    public JobsConfig {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(shutdownWait, "shutdownWait");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(notifyPollInterval, "notifyPollInterval");
    }

    /** The defaults listed above. */
    public static JobsConfig defaults() {
        return new JobsConfig(
                4,
                Duration.ofMillis(250),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                5,
                1 << 20,
                Path.of("./data"),
                10,
                50,
                "",
                8,
                Duration.ofMillis(500),
                false,
                false);
    }
}
