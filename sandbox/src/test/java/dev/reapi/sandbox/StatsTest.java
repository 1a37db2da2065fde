package dev.reapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Billing counters stay exact under concurrent load and per key. */
class StatsTest {
    @Test
    @Timeout(60)
    void stats_concurrentRequests_countExactly() throws Exception {
        SandboxOptions options =
                SandboxOptions.defaults().withProperties(5_000).withApiKeys(Set.of("a", "b"));
        try (Sandbox sandbox = Sandbox.start(options);
                ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Http http = new Http(sandbox.baseUrl(), t % 2 == 0 ? "a" : "b");
                done.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < 25; i++) {
                                        assertThat(
                                                        http.get(
                                                                        "/v1/properties/P000000"
                                                                                + (100 + i))
                                                                .status())
                                                .isEqualTo(200);
                                        assertThat(
                                                        http.post(
                                                                        "/v1/properties/bulk",
                                                                        "{\"ids\":[\"P000000001\",\"P000000002\",\"P000009999\"]}")
                                                                .status())
                                                .isEqualTo(200);
                                    }
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }

            StatsSnapshot s = sandbox.stats();
            assertThat(s.requestsTotal()).isEqualTo(400);
            assertThat(s.records("getProperty")).isEqualTo(200);
            assertThat(s.records("getPropertiesBulk")).isEqualTo(400);
            assertThat(s.recordsTotal()).isEqualTo(600);
            assertThat(s.recordsByApiKey()).containsEntry("a", 300L).containsEntry("b", 300L);
        }
    }

    @Test
    void controlAndTruthRoutes_areNeitherCountedNorBilled() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withProperties(100))) {
            Http control = new Http(sandbox.baseUrl(), "");

            assertThat(control.get("/_sandbox/properties/P000000001").status()).isEqualTo(200);
            assertThat(control.get("/v1/health").status()).isEqualTo(200);
            assertThat(new Http(sandbox).get("/v1/properties/P000000101").status()).isEqualTo(404);

            StatsSnapshot s = sandbox.stats();
            assertThat(s.requestsTotal()).isEqualTo(1);
            assertThat(s.recordsTotal()).isZero();
        }
    }

    @Test
    void sandboxMain_flags_becomeOptions() {
        SandboxOptions o =
                SandboxMain.parse(
                        new String[] {
                            "--port",
                            "0",
                            "--properties",
                            "10000000",
                            "--seed",
                            "9",
                            "--api-key",
                            "k1",
                            "--api-key",
                            "k2",
                            "--market-rate",
                            "2.5"
                        });

        assertThat(o.port()).isZero();
        assertThat(o.properties()).isEqualTo(10_000_000L);
        assertThat(o.seed()).isEqualTo(9);
        assertThat(o.apiKeys()).containsExactlyInAnyOrder("k1", "k2");
        assertThat(o.marketChangesPerSecond()).isEqualTo(2.5);
    }
}
