package dev.reapi.gateway.adapter.out.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.application.job.JobService;
import dev.reapi.gateway.domain.job.Job;
import dev.reapi.gateway.domain.job.JobStatus;
import dev.reapi.gateway.domain.notify.Notification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a worker process with SIGKILL while it runs jobs, restarts it, and checks that every job
 * completes exactly once as its owner sees it: one final state, one result, one notification.
 */
abstract class JobCrashContract {

    private static final int JOBS = 6;

    @TempDir Path dir;

    /** A JDBC URL of a fresh, empty database of the dialect under test. */
    abstract String freshDatabaseUrl(Path dir);

    @Test
    void workerKilledMidJob_afterRestart_everyJobCompletesExactlyOnce() throws Exception {
        String url = freshDatabaseUrl(dir);
        try (Database database = Database.open(url)) {
            JobRig rig = new JobRig(database, dir, List.of(new ScriptedHandler()), "parent");
            var mapper = new ObjectMapper();
            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                jobs.add(
                        rig.jobs
                                .submit(
                                        new JobService.Submit(
                                                "u1",
                                                "search",
                                                mapper.readTree(
                                                        "{\"sleep_ms\":1500,\"i\":" + i + "}"),
                                                Optional.empty(),
                                                Optional.empty()))
                                .job());
            }

            Process first = startChild(url, "worker-a");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count(rig, jobs, JobStatus.RUNNING) >= 2);
            first.destroyForcibly().waitFor();
            assertThat(count(rig, jobs, JobStatus.SUCCEEDED)).isLessThan(JOBS);

            Process second = startChild(url, "worker-b");
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> count(rig, jobs, JobStatus.SUCCEEDED) == JOBS);
            } finally {
                second.destroyForcibly().waitFor();
            }

            List<Notification> notes = rig.outbox.listForUser("u1", 0, 100);
            Map<String, Long> perJob =
                    notes.stream()
                            .collect(
                                    Collectors.groupingBy(
                                            n -> jobIdOf(mapper, n), Collectors.counting()));
            assertThat(notes).hasSize(JOBS);
            assertThat(perJob).hasSize(JOBS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(notes).extracting(Notification::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            for (Job job : jobs) {
                Job done = rig.store.find(job.id()).orElseThrow();
                assertThat(done.result()).isPresent();
            }
            assertThat(
                            jobs.stream()
                                    .map(j -> rig.store.find(j.id()).orElseThrow().attempts())
                                    .filter(a -> a > 1)
                                    .count())
                    .as("jobs that were interrupted by the kill and run again")
                    .isGreaterThanOrEqualTo(1);
        }
    }

    private static String jobIdOf(ObjectMapper mapper, Notification notification) {
        try {
            return mapper.readTree(notification.payloadJson()).path("job_id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(JobRig rig, List<Job> jobs, JobStatus status) {
        return jobs.stream()
                .map(j -> rig.store.find(j.id()).orElseThrow().status())
                .filter(s -> s == status)
                .count();
    }

    private Process startChild(String url, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process =
                new ProcessBuilder(
                                java,
                                "--enable-native-access=ALL-UNNAMED",
                                "-cp",
                                System.getProperty("java.class.path"),
                                CrashChild.class.getName(),
                                url,
                                dir.toString(),
                                name)
                        .redirectErrorStream(true)
                        .start();
        var reader =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Function<BufferedReader, Boolean> started =
                r -> {
                    try {
                        String line;
                        while ((line = r.readLine()) != null) {
                            if (line.equals("started")) {
                                return true;
                            }
                        }
                        return false;
                    } catch (IOException e) {
                        return false;
                    }
                };
        assertThat(started.apply(reader)).as("child %s started", name).isTrue();
        Thread.ofVirtual()
                .start(
                        () -> {
                            try {
                                while (reader.readLine() != null) {
                                    // Drain the child's output so that it never blocks on it.
                                }
                            } catch (IOException e) {
                                // The child is gone; nothing left to drain.
                            }
                        });
        return process;
    }
}
