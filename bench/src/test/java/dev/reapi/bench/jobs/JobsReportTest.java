package dev.reapi.bench.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobsReportTest {

    private static final JobsReport.RunInfo INFO =
            new JobsReport.RunInfo("2 cores", "0.10 0.20 0.30", "2026-01-01T00:00Z", "run.sh 10");

    @Test
    void markdown_oneRowPerResult_inTheGivenOrderWithRunInfo() {
        var results =
                List.of(
                        new JobsResult(
                                "gateway", "SQLite", "throughput", 1000, 4, 4, 0, 2.0, 400, 2500),
                        new JobsResult(
                                "bull 4.16.5", "Redis", "paced", 100, 4, 1, 50, 2.0, 300, 900));

        String markdown = JobsReport.markdown(results, INFO);

        assertThat(markdown)
                .contains(
                        "| gateway | SQLite | throughput | 1000 | 4 | 4 | 500 | 400 µs | 2.5 ms |\n"
                                + "| bull 4.16.5 | Redis | paced 50/s | 100 | 4 | 1 | 50 | 300 µs"
                                + " | 900 µs |\n")
                .endsWith(
                        "Machine: 2 cores. Load before: 0.10 0.20 0.30. Date: 2026-01-01T00:00Z."
                                + " Command: `run.sh 10`.\n");
    }

    @Test
    void duration_belowAMillisecond_isInMicroseconds() {
        assertThat(JobsReport.duration(999.4)).isEqualTo("999 µs");
    }

    @Test
    void duration_fromAMillisecond_isInMilliseconds() {
        assertThat(JobsReport.duration(1_000)).isEqualTo("1.0 ms");
        assertThat(JobsReport.duration(236_182)).isEqualTo("236.2 ms");
    }

    @Test
    void duration_fromTenSeconds_isInSeconds() {
        assertThat(JobsReport.duration(9_999_000)).isEqualTo("9999.0 ms");
        assertThat(JobsReport.duration(23_901_134)).isEqualTo("23.9 s");
    }
}
