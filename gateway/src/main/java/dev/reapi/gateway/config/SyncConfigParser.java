package dev.reapi.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.gateway.application.sync.ChangeFileSync;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads the {@code sync} section into {@link SyncConfig}; every error names its key. */
final class SyncConfigParser {

    /** The environment variable holding comma-separated webhook secrets. */
    static final String SECRETS_ENV = "REAPI_WEBHOOK_SECRETS";

    private static final String PREFIX = "whsec_";
    private static final long DAY_S = 86_400;

    private SyncConfigParser() {}

    static SyncConfig parse(Section s) {
        s.only(
                "webhook_secrets",
                "webhook_tolerance_s",
                "batch_enabled",
                "batch_time",
                "batch_zone",
                "batch_lookback_s",
                "batch_page_size",
                "changefile_first_days",
                "watched_refresh_interval_s");
        SyncConfig d = SyncConfig.defaults();
        return new SyncConfig(
                secrets(s),
                Duration.ofSeconds(
                        s.integer(
                                "webhook_tolerance_s", d.webhookTolerance().toSeconds(), 1, DAY_S)),
                s.flag("batch_enabled", d.batchEnabled()),
                time(s, d.batchTime()),
                zone(s, d.batchZone()),
                Duration.ofSeconds(
                        s.integer(
                                "batch_lookback_s", d.batchLookback().toSeconds(), 0, 30 * DAY_S)),
                (int) s.integer("batch_page_size", d.batchPageSize(), 1, 1_000),
                (int)
                        s.integer(
                                "changefile_first_days",
                                d.changeFileFirstDays(),
                                1,
                                ChangeFileSync.KEPT_DAYS),
                Duration.ofSeconds(
                        s.integer(
                                "watched_refresh_interval_s",
                                d.watchedRefreshInterval().toSeconds(),
                                0,
                                DAY_S)));
    }

    /** A YAML list, or one string of comma-separated secrets (the environment's form). */
    private static List<String> secrets(Section s) {
        String key = s.path("webhook_secrets");
        JsonNode node = s.node().get("webhook_secrets");
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText().strip()));
        } else if (node.isValueNode()) {
            for (String part : node.asText().split(",", -1)) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        } else {
            throw new ConfigException(key + ": expected a list of secrets");
        }
        if (values.size() > 2) {
            throw new ConfigException(
                    key + ": one or two secrets (two while rotating), got " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            check(key, i + 1, values.get(i));
        }
        return values;
    }

    /** Rejects a secret without saying what it is: secrets never reach a message. */
    private static void check(String key, int number, String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new ConfigException(
                    key + ": secret #" + number + " must start with '" + PREFIX + "'");
        }
        try {
            if (Base64.getDecoder().decode(secret.substring(PREFIX.length())).length == 0) {
                throw new ConfigException(key + ": secret #" + number + " is empty");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    key + ": secret #" + number + " is not base64 after '" + PREFIX + "'");
        }
    }

    private static LocalTime time(Section s, LocalTime fallback) {
        String text = s.text("batch_time", fallback.toString());
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException(
                    s.path("batch_time") + ": expected a time of day HH:MM, was '" + text + "'", e);
        }
    }

    private static ZoneId zone(Section s, ZoneId fallback) {
        String text = s.text("batch_zone", fallback.getId());
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ConfigException(
                    s.path("batch_zone")
                            + ": expected a time zone such as UTC or Europe/Paris, was '"
                            + text
                            + "'",
                    e);
        }
    }
}
