package dev.reapi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.Provider;
import dev.reapi.gateway.domain.user.EndpointClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayConfigTest {

    private static final Map<String, String> KEY = Map.of("REALESTATEAPI_KEY", "sk_test");

    @TempDir Path dir;

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("reapi.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void load_withOnlyTheKey_usesEmbeddedDefaults() {
        GatewayConfig config = GatewayConfig.load(Optional.empty(), KEY);

        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:./data/reapi.db");
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.redis()).isEmpty();
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.server().maxBodyBytes()).isEqualTo(65_536);
        assertThat(config.server().maxJsonDepth()).isEqualTo(32);
        assertThat(config.defaultPlan()).isEqualTo("free");
        assertThat(config.upstream().provider()).isEqualTo(Provider.V1);
        var free = config.plans().get("free");
        assertThat(free.limit(EndpointClass.SEARCH).requests()).isEqualTo(100);
        assertThat(free.limit(EndpointClass.DETAILS).requests()).isEqualTo(500);
        assertThat(free.limit(EndpointClass.JOBS).requests()).isEqualTo(50);
        assertThat(free.limit(EndpointClass.SEARCH).window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.plans().get("pro").limit(EndpointClass.SEARCH).requests())
                .isEqualTo(1000);
    }

    @Test
    void load_withoutUpstreamKey_failsNamingTheKey() {
        assertThatThrownBy(() -> GatewayConfig.load(Optional.empty(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("upstream.api_key:")
                .hasMessageContaining("REALESTATEAPI_KEY");
    }

    @Test
    void load_providerFromEnvironment_selectsV2() {
        GatewayConfig config =
                GatewayConfig.load(
                        Optional.empty(),
                        Map.of("REALESTATEAPI_KEY", "sk_test", "REALESTATEAPI_PROVIDER", "v2"));

        assertThat(config.upstream().provider()).isEqualTo(Provider.V2);
    }

    @Test
    void load_unknownProvider_failsNamingTheKey() throws IOException {
        Path file = yaml("upstream:\n  api_key: k\n  provider: v3\n");

        assertThatThrownBy(() -> GatewayConfig.load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("upstream.provider: must be v1 or v2, was 'v3'");
    }

    @Test
    void load_environment_overridesYaml() throws IOException {
        Path file =
                yaml(
                        """
                        upstream:
                          api_key: from-yaml
                          base_url: http://yaml.example:1
                        server:
                          port: 9000
                        """);

        GatewayConfig config =
                GatewayConfig.load(
                        Optional.of(file),
                        Map.of(
                                "REALESTATEAPI_BASE_URL", "http://127.0.0.1:8090",
                                "REAPI_PORT", "9100",
                                "REAPI_REDIS_URL", "redis://:secret@127.0.0.1:6379"));

        assertThat(config.upstream().apiKey()).isEqualTo("from-yaml");
        assertThat(config.upstream().baseUrl().toString()).isEqualTo("http://127.0.0.1:8090");
        assertThat(config.server().port()).isEqualTo(9100);
        assertThat(config.redis().orElseThrow().redacted()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(config.toString()).doesNotContain("from-yaml").doesNotContain("secret");
    }

    @Test
    void load_customPlans_replaceAndAdd() throws IOException {
        Path file =
                yaml(
                        """
                        plans:
                          team:
                            search: { requests: 7, window_s: 60 }
                            details: { requests: 8 }
                            jobs: { requests: 9 }
                            daily_record_cap: 1000
                        default_plan: team
                        """);

        GatewayConfig config = GatewayConfig.load(Optional.of(file), KEY);

        var team = config.plans().get("team");
        assertThat(team.limit(EndpointClass.SEARCH).requests()).isEqualTo(7);
        assertThat(team.limit(EndpointClass.SEARCH).window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(team.limit(EndpointClass.DETAILS).window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(team.dailyRecordCap()).hasValue(1000);
        assertThat(config.plans()).containsKeys("free", "pro", "team");
        assertThat(config.defaultPlan()).isEqualTo("team");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "server: { port: 70000 }|server.port: must be in 0..65535, was 70000",
                "server: { port: eighty }|server.port: expected an integer, was 'eighty'",
                "server: { colour: red }|server.colour: unknown key",
                "upstream: { base_url: 'ftp://x' }|upstream.base_url: expected a http/https URL",
                "database: { url: 'jdbc:mysql://x/y' }|database.url: expected jdbc:sqlite:",
                "redis: { url: 'http://x' }|redis.url: expected a redis/rediss URL",
                "plans: { team: { search: { requests: 1 } } }|plans.team.details.requests: missing",
                "plans: { team: { search: { requests: 0 }, details: { requests: 1 }, jobs: {"
                        + " requests: 1 } } }|plans.team.search.requests: must be in",
                "default_plan: gold|default_plan: no plan named 'gold'",
                "bogus: 1|bogus: unknown key",
                "- a list|the top level must be a mapping"
            })
    void load_invalidYaml_failsWithOneLineNamingTheKey(String text, String message)
            throws IOException {
        Path file = yaml(text);

        assertThatThrownBy(() -> GatewayConfig.load(Optional.of(file), KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void load_missingFile_failsNamingTheFile() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> GatewayConfig.load(Optional.of(missing), KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml");
    }
}
