package dev.reapi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.Provider;
import dev.reapi.gateway.testing.RequiresPostgres;
import dev.reapi.gateway.testing.RequiresRedis;
import dev.reapi.gateway.testing.SandboxProviders;
import dev.reapi.gateway.testing.TestPostgres;
import dev.reapi.gateway.testing.TestRedis;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gateway on PostgreSQL with Redis-backed rate limits, over the sandbox, on each provider. */
@RequiresPostgres
@RequiresRedis
class GatewayServicesEndToEndTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Provider.class)
    void gateway_onPostgresAndRedis_isReadyAndLimitsPerUser(
            Provider provider, TestPostgres.PostgresSchema schema) throws Exception {
        Path yaml = dir.resolve("reapi.yaml");
        Files.writeString(
                yaml,
                """
                plans:
                  tiny:
                    search: { requests: 2 }
                    details: { requests: 2 }
                    jobs: { requests: 2 }
                """);
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withPort(0));
                Gateway gateway = Gateway.start(config(provider, sandbox, yaml, schema));
                HttpClient http = HttpClient.newHttpClient()) {
            String key = gateway.apiKeys().issue("pg-redis", "tiny", false).rawKey();
            URI base = URI.create("http://127.0.0.1:" + gateway.port());

            HttpResponse<String> ready =
                    http.send(
                            HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(
                        http.send(
                                        HttpRequest.newBuilder(
                                                        base.resolve("/api/properties/P000000001"))
                                                .header("X-API-Key", key)
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode());
            }

            JsonNode checks = new ObjectMapper().readTree(ready.body()).get("checks");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(checks.at("/database/healthy").asBoolean()).isTrue();
            assertThat(checks.at("/redis/healthy").asBoolean()).isTrue();
            assertThat(checks.at("/redis/required").asBoolean()).isFalse();
            assertThat(statuses).containsExactly(200, 200, 429);
        }
    }

    private static GatewayConfig config(
            Provider provider, Sandbox sandbox, Path yaml, TestPostgres.PostgresSchema schema) {
        var env = SandboxProviders.gatewayEnv(provider, sandbox, "sandbox");
        env.put("REAPI_DATABASE_URL", schema.jdbcUrl());
        env.put("REAPI_REDIS_URL", TestRedis.url());
        return GatewayConfig.load(Optional.of(yaml), env);
    }
}
