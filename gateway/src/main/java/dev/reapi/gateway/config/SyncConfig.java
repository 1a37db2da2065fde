package dev.reapi.gateway.config;

import dev.reapi.gateway.application.sync.BatchSync;
import dev.reapi.gateway.application.sync.ChangeFileSync;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Settings of replica sync: keys under {@code sync}, documented in {@code docs/operations.md} and
 * {@code docs/sync.md}.
 *
 * @param webhookSecrets zero to two {@code whsec_} secrets; none leaves the webhook route
 *     unregistered. Never logged.
 * @param webhookTolerance how far a webhook's timestamp may be from the gateway's clock (default 5
 *     minutes)
 * @param batchEnabled whether the daily batch sync is scheduled (default true)
 * @param batchTime the time of day of the batch sync (default 02:00)
 * @param batchZone the zone of {@code batchTime} (default UTC)
 * @param batchLookback how far before the last high-water mark a scheduled run starts (default 1
 *     hour)
 * @param batchPageSize properties per feed page (v1) or change-file rows per chunk (v2), 1..1000
 *     (default 500)
 * @param changeFileFirstDays on v2, how many days back a batch sync without a checkpoint starts,
 *     1..366 (default 1: yesterday's files)
 * @param watchedRefreshInterval how often watched properties are refreshed; zero disables it
 *     (default 15 minutes)
 */
public record SyncConfig(
        List<String> webhookSecrets,
        Duration webhookTolerance,
        boolean batchEnabled,
        LocalTime batchTime,
        ZoneId batchZone,
        Duration batchLookback,
        int batchPageSize,
        int changeFileFirstDays,
        Duration watchedRefreshInterval) {

    public SyncConfig {
        webhookSecrets = List.copyOf(webhookSecrets);
        Objects.requireNonNull(webhookTolerance, "webhookTolerance");
        Objects.requireNonNull(batchTime, "batchTime");
        Objects.requireNonNull(batchZone, "batchZone");
        Objects.requireNonNull(batchLookback, "batchLookback");
        Objects.requireNonNull(watchedRefreshInterval, "watchedRefreshInterval");
        if (webhookSecrets.size() > 2) {
            throw new ConfigException(
                    "sync.webhook_secrets: one or two secrets, got " + webhookSecrets.size());
        }
        if (changeFileFirstDays < 1 || changeFileFirstDays > ChangeFileSync.KEPT_DAYS) {
            throw new ConfigException(
                    "sync.changefile_first_days: must be 1.."
                            + ChangeFileSync.KEPT_DAYS
                            + ", was "
                            + changeFileFirstDays);
        }
    }

    /** The defaults listed above, without webhook secrets. */
    public static SyncConfig defaults() {
        BatchSync.Settings batch = BatchSync.Settings.defaults();
        ChangeFileSync.Settings changeFiles = ChangeFileSync.Settings.defaults();
        return new SyncConfig(
                List.of(),
                Duration.ofMinutes(5),
                true,
                LocalTime.of(2, 0),
                ZoneId.of("UTC"),
                batch.lookback(),
                batch.pageSize(),
                changeFiles.firstDays(),
                Duration.ofMinutes(15));
    }

    /** The batch sync's settings. */
    public BatchSync.Settings batchSettings() {
        return new BatchSync.Settings(batchPageSize, batchLookback);
    }

    /** The change-file sync's settings (v2). */
    public ChangeFileSync.Settings changeFileSettings() {
        return new ChangeFileSync.Settings(batchPageSize, changeFileFirstDays);
    }

    /** Whether webhooks are accepted. */
    public boolean webhooksEnabled() {
        return !webhookSecrets.isEmpty();
    }

    @Override
    public String toString() {
        return "SyncConfig[webhookSecrets="
                + webhookSecrets.size()
                + " (hidden), webhookTolerance="
                + webhookTolerance
                + ", batchEnabled="
                + batchEnabled
                + ", batchTime="
                + batchTime
                + ", batchZone="
                + batchZone
                + ", batchLookback="
                + batchLookback
                + ", batchPageSize="
                + batchPageSize
                + ", changeFileFirstDays="
                + changeFileFirstDays
                + ", watchedRefreshInterval="
                + watchedRefreshInterval
                + "]";
    }
}
