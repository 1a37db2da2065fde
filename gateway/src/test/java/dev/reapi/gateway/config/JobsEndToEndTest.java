package dev.reapi.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.Provider;
import dev.reapi.gateway.testing.SandboxProviders;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Jobs through the whole gateway: HTTP in, the engine, the sandbox upstream, a file result; once
 * per upstream provider.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Provider.class)
class JobsEndToEndTest {

    private static final String UPSTREAM_KEY = "e2e-jobs-key";

    @Parameter private Provider provider;
    @TempDir Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private Sandbox sandbox;
    private Gateway gateway;
    private String key;

    @BeforeEach
    void start() {
        sandbox =
                Sandbox.start(
                        SandboxOptions.defaults().withPort(0).withApiKeys(Set.of(UPSTREAM_KEY)));
        var env = SandboxProviders.gatewayEnv(provider, sandbox, UPSTREAM_KEY);
        env.put("REAPI_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("reapi.db"));
        env.put("REAPI_DATA_DIR", dir.toString());
        gateway = Gateway.start(GatewayConfig.load(Optional.empty(), env));
        key = gateway.apiKeys().issue("jobs-e2e", "free", false).rawKey();
    }

    @AfterEach
    void stop() {
        gateway.close();
        sandbox.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                        .header("X-API-Key", key)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void enrichJob_throughHttp_succeedsAndServesItsFileInPages() throws Exception {
        HttpResponse<String> created =
                send(
                        "POST",
                        "/api/jobs",
                        "{\"type\":\"enrich\",\"params\":{\"ids\":[\"P000000001\","
                                + "\"P000000002\",\"P000000003\",\"NOPE1\"]}}");
        assertThat(created.statusCode()).isEqualTo(202);
        String location = created.headers().firstValue("Location").orElseThrow();

        await().atMost(Duration.ofSeconds(30)).until(() -> status(location).equals("succeeded"));
        HttpResponse<String> firstPage = send("GET", location + "/result?limit=3", null);
        HttpResponse<String> secondPage = send("GET", location + "/result?cursor=3", null);
        JsonNode notes = mapper.readTree(send("GET", "/api/notifications", null).body());

        assertThat(firstPage.statusCode()).isEqualTo(200);
        assertThat(firstPage.body().lines()).hasSize(3);
        assertThat(firstPage.headers().firstValue("Link")).isPresent();
        assertThat(secondPage.body().lines())
                .singleElement()
                .asString()
                .contains("\"missing\":true");
        assertThat(notes.path("notifications")).hasSize(1);
        assertThat(notes.path("notifications").get(0).path("type").asText())
                .isEqualTo("job.succeeded");
    }

    private String status(String location) throws Exception {
        return mapper.readTree(send("GET", location, null).body()).path("status").asText();
    }
}
