package dev.reapi.bench.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.gateway.config.JobsConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobsOptionsTest {

    @Test
    void parse_noArguments_usesGatewayThreadCountAndDefaults() {
        JobsOptions options = JobsOptions.parse();

        assertThat(options.jobs()).isEqualTo(10_000);
        assertThat(options.concurrency()).isEqualTo(JobsConfig.defaults().threads());
        assertThat(options.submitters()).isEqualTo(4);
        assertThat(options.pacedJobs()).isEqualTo(1_000);
        assertThat(options.rate()).isEqualTo(100);
        assertThat(options.report()).isEqualTo(Path.of("docs/benchmarks.md"));
        assertThat(options.print()).isFalse();
        assertThat(options.warmup()).isEqualTo(1_000);
    }

    @Test
    void parse_bareNumber_isJobCountAndCapsPacedJobsAndWarmup() {
        JobsOptions options = JobsOptions.parse("300", "--concurrency", "8", "--print");

        assertThat(options.jobs()).isEqualTo(300);
        assertThat(options.pacedJobs()).isEqualTo(300);
        assertThat(options.warmup()).isEqualTo(30);
        assertThat(options.concurrency()).isEqualTo(8);
        assertThat(options.print()).isTrue();
    }

    @Test
    void parse_nonNumericJobs_isRejectedNamingTheOption() {
        assertThatThrownBy(() -> JobsOptions.parse("--jobs", "many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--jobs must be a whole number, was 'many'");
    }

    @Test
    void parse_unknownOption_isRejectedWithUsage() {
        assertThatThrownBy(() -> JobsOptions.parse("--threads", "4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown option --threads; usage: JobsBench");
    }

    @Test
    void parse_optionWithoutValue_isRejected() {
        assertThatThrownBy(() -> JobsOptions.parse("--rate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("missing value after --rate");
    }

    @Test
    void parse_morePacedJobsThanJobs_isRejected() {
        assertThatThrownBy(() -> JobsOptions.parse("100", "--paced-jobs", "101"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--paced-jobs must be 0..100 (--jobs), was 101");
    }

    @Test
    void parse_zeroRate_isRejected() {
        assertThatThrownBy(() -> JobsOptions.parse("--rate", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--rate must be a positive number, was 0.0");
    }
}
