package dev.reapi.bench.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BullRunTest {

    @Test
    void parse_lastLineJson_isAThroughputResultOnRedis() {
        String output =
                "npm noise\n"
                        + "{\"system\":\"bull 4.16.5\",\"jobs\":2000,\"concurrency\":4,"
                        + "\"submitters\":4,\"rate\":0,\"seconds\":2.5,\"jobsPerSecond\":800,"
                        + "\"p50Micros\":1200,\"p99Micros\":9000.5}\n";

        JobsResult result = BullRun.parse(output, "Redis");

        assertThat(result)
                .isEqualTo(
                        new JobsResult(
                                "bull 4.16.5",
                                "Redis",
                                "throughput",
                                2000,
                                4,
                                4,
                                0,
                                2.5,
                                1200,
                                9000.5));
        assertThat(result.jobsPerSecond()).isEqualTo(800);
    }

    @Test
    void parse_positiveRate_isPaced() {
        String output =
                "{\"system\":\"bull 4.16.5\",\"jobs\":10,\"concurrency\":4,\"submitters\":1,"
                        + "\"rate\":100,\"seconds\":0.1,\"p50Micros\":1,\"p99Micros\":2}";

        assertThat(BullRun.parse(output, "Redis").scenario()).isEqualTo("paced");
    }

    @Test
    void parse_missingField_isRejectedNamingIt() {
        assertThatThrownBy(() -> BullRun.parse("{\"system\":\"bull\",\"jobs\":1}", "Redis"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bull bench output lacks the number 'rate'");
    }

    @Test
    void parse_noOutput_isRejected() {
        assertThatThrownBy(() -> BullRun.parse("", "Redis"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks");
    }

    @Test
    void create_withoutNodeModules_saysToRunNpmCi(@TempDir Path dir) {
        assertThatThrownBy(() -> new BullRun(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run `npm ci` in " + dir);
    }
}
