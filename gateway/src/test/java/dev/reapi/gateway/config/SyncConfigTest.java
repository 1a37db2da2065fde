package dev.reapi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncConfigTest {

    private static final String SECRET_A = "whsec_c2VjcmV0LW51bWJlci1vbmU=";
    private static final String SECRET_B = "whsec_c2VjcmV0LW51bWJlci10d28=";
    private static final Map<String, String> KEY = Map.of("REALESTATEAPI_KEY", "sk_test");

    @TempDir Path dir;

    private SyncConfig load(String yaml) throws IOException {
        Path file = dir.resolve("reapi.yaml");
        Files.writeString(file, yaml);
        return GatewayConfig.load(Optional.of(file), KEY).sync();
    }

    @Test
    void load_withoutSyncKeys_usesDocumentedDefaults() {
        SyncConfig sync = GatewayConfig.load(Optional.empty(), KEY).sync();

        assertThat(sync).isEqualTo(SyncConfig.defaults());
        assertThat(sync.webhooksEnabled()).isFalse();
        assertThat(sync.webhookTolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(sync.batchEnabled()).isTrue();
        assertThat(sync.batchTime()).isEqualTo(LocalTime.of(2, 0));
        assertThat(sync.batchZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(sync.batchLookback()).isEqualTo(Duration.ofHours(1));
        assertThat(sync.batchPageSize()).isEqualTo(500);
        assertThat(sync.changeFileFirstDays()).isEqualTo(1);
        assertThat(sync.watchedRefreshInterval()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void load_everySyncKey_overridesItsDefault() throws IOException {
        SyncConfig sync =
                load(
                        """
                        sync:
                          webhook_secrets: [%s, %s]
                          webhook_tolerance_s: 60
                          batch_enabled: false
                          batch_time: "03:30"
                          batch_zone: Europe/Paris
                          batch_lookback_s: 600
                          batch_page_size: 200
                          changefile_first_days: 30
                          watched_refresh_interval_s: 0
                        """
                                .formatted(SECRET_A, SECRET_B));

        assertThat(sync.webhookSecrets()).containsExactly(SECRET_A, SECRET_B);
        assertThat(sync.webhookTolerance()).isEqualTo(Duration.ofMinutes(1));
        assertThat(sync.batchEnabled()).isFalse();
        assertThat(sync.batchTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(sync.batchZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(sync.batchSettings().lookback()).isEqualTo(Duration.ofMinutes(10));
        assertThat(sync.batchSettings().pageSize()).isEqualTo(200);
        assertThat(sync.changeFileSettings().pageSize()).isEqualTo(200);
        assertThat(sync.changeFileSettings().firstDays()).isEqualTo(30);
        assertThat(sync.watchedRefreshInterval()).isZero();
    }

    @Test
    void load_secretsFromEnvironment_areSplitAtCommas() {
        SyncConfig sync =
                GatewayConfig.load(
                                Optional.empty(),
                                Map.of(
                                        "REALESTATEAPI_KEY",
                                        "sk_test",
                                        "REAPI_WEBHOOK_SECRETS",
                                        SECRET_A + " , " + SECRET_B))
                        .sync();

        assertThat(sync.webhookSecrets()).containsExactly(SECRET_A, SECRET_B);
    }

    @Test
    void toString_neverShowsSecrets() throws IOException {
        SyncConfig sync = load("sync: {webhook_secrets: [%s]}".formatted(SECRET_A));

        assertThat(sync.toString()).doesNotContain(SECRET_A).contains("webhookSecrets=1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "webhook_secrets: [a, b, c]"
                        + "|sync.webhook_secrets: one or two secrets (two while rotating), got 3",
                "webhook_secrets: [plain]|sync.webhook_secrets: secret #1 must start with 'whsec_'",
                "webhook_secrets: [whsec_%%%]|sync.webhook_secrets: secret #1 is not base64",
                "webhook_tolerance_s: 0|sync.webhook_tolerance_s: must be in 1..86400, was 0",
                "batch_enabled: maybe|sync.batch_enabled: expected true or false, was 'maybe'",
                "batch_time: '25:00'|sync.batch_time: expected a time of day HH:MM, was '25:00'",
                "batch_zone: Mars/Olympus|sync.batch_zone: expected a time zone",
                "batch_lookback_s: -1|sync.batch_lookback_s: must be in 0..2592000, was -1",
                "batch_page_size: 1001|sync.batch_page_size: must be in 1..1000, was 1001",
                "changefile_first_days: 0|sync.changefile_first_days: must be in 1..366, was 0",
                "changefile_first_days: 367|sync.changefile_first_days: must be in 1..366, was 367",
                "watched_refresh_interval_s: x|sync.watched_refresh_interval_s: expected an"
                        + " integer",
                "bogus: 1|sync.bogus: unknown key"
            })
    void load_badSyncValue_isRejectedNamingTheKey(String entry, String message) {
        assertThatThrownBy(() -> load("sync: {" + entry + "}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("whsec_%");
    }
}
