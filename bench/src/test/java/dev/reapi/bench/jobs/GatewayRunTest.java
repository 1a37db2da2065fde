package dev.reapi.bench.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayRunTest {

    @Test
    void flatOutAndPaced_onSqlite_finishEveryJobThroughTheEngine(@TempDir Path dir)
            throws Exception {
        try (GatewayRun run =
                GatewayRun.start(
                        "SQLite", "jdbc:sqlite:" + dir.resolve("jobs.db"), 2, dir.resolve("r"))) {

            JobsResult flatOut = run.flatOut(20, 2);
            JobsResult paced = run.paced(5, 1_000);

            assertThat(flatOut.jobs()).isEqualTo(20);
            assertThat(flatOut.scenario()).isEqualTo("throughput");
            assertThat(flatOut.concurrency()).isEqualTo(2);
            assertThat(flatOut.p99Micros()).isGreaterThanOrEqualTo(flatOut.p50Micros());
            assertThat(paced.jobs()).isEqualTo(5);
            assertThat(paced.scenario()).isEqualTo("paced");
        }
    }
}
