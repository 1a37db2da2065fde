package dev.reapi.gateway.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.Provider;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.gateway.adapter.out.jobs.BucketThrottle;
import dev.reapi.gateway.adapter.out.jobs.DbSchedulerJobs;
import dev.reapi.gateway.adapter.out.jobs.LocalResultFiles;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiJobStore;
import dev.reapi.gateway.adapter.out.upstream.ClientPropertySource;
import dev.reapi.gateway.application.notify.CallbackUrlPolicy;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.domain.job.Job;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobStatus;
import dev.reapi.gateway.domain.job.JobType;
import dev.reapi.gateway.testing.SandboxProviders;
import dev.reapi.sandbox.FaultSettings;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Jobs against the sandbox over real HTTP, with the sandbox's per-second limit switched on and the
 * jobs' throttle at half of it: every job succeeds and the sandbox never answers 429. Runs once per
 * upstream provider.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Provider.class)
class PropertyJobsSandboxTest {

    private static final int VENDOR_RPS = 4;

    @Parameter private Provider provider;
    @TempDir Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private Sandbox sandbox;
    private RealEstateApiClient client;
    private Database database;
    private DbSchedulerJobs engine;
    private JobService jobs;
    private JdbiJobStore store;

    @BeforeEach
    void setUp() {
        sandbox = Sandbox.start(SandboxOptions.defaults().withPort(0));
        sandbox.setFaults(FaultSettings.none().withRateLimitRps(VENDOR_RPS));
        client =
                SandboxProviders.client(provider, sandbox, "sandbox")
                        .maxAttempts(1)
                        .withoutCircuitBreaker()
                        .build();
        Clock clock = Clock.systemUTC();
        PropertySource upstream = new ClientPropertySource(client, clock);
        Map<JobType, JobHandler> handlers =
                List.of(
                                SearchJobHandler.search(upstream),
                                SearchJobHandler.export(upstream),
                                BulkJobHandler.enrich(upstream),
                                BulkJobHandler.refresh(upstream),
                                new ValuationJobHandler(upstream))
                        .stream()
                        .collect(Collectors.toMap(JobHandler::type, h -> h));
        database = Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"));
        store = new JdbiJobStore(database.jdbi(), database.dialect(), DbSchedulerJobs.TASK_NAME);
        var settings = JobSettings.DEFAULT;
        var runner =
                new JobRunner(
                        store,
                        handlers,
                        new LocalResultFiles(dir.resolve("results"), mapper),
                        BucketThrottle.share(VENDOR_RPS, 0.5),
                        settings,
                        mapper,
                        clock,
                        new SplittableRandom(5));
        engine =
                new DbSchedulerJobs(
                        database.dataSource(),
                        false,
                        runner,
                        new DbSchedulerJobs.Settings(
                                4,
                                Duration.ofMillis(50),
                                Duration.ofSeconds(1),
                                4,
                                Duration.ofSeconds(5),
                                "sandbox-test"),
                        clock);
        jobs =
                new JobService(
                        store,
                        engine,
                        handlers,
                        new CallbackUrlPolicy(true, true, InetAddress::getAllByName),
                        settings,
                        mapper,
                        clock,
                        new SplittableRandom(6));
        engine.start();
    }

    @AfterEach
    void tearDown() {
        engine.close();
        database.close();
        client.close();
        sandbox.close();
    }

    private Job submit(String type, String params) throws Exception {
        return jobs.submit(
                        new JobService.Submit(
                                "u1",
                                type,
                                mapper.readTree(params),
                                Optional.empty(),
                                Optional.empty()))
                .job();
    }

    @Test
    void jobs_againstRateLimitedSandbox_succeedWithoutA429() throws Exception {
        String ids =
                IntStream.rangeClosed(1, 2500)
                        .mapToObj(i -> String.format("\"P%09d\"", i))
                        .collect(Collectors.joining(",", "[", "]"));
        Job enrich = submit("enrich", "{\"ids\":" + ids + "}");
        Job refresh = submit("refresh", "{\"ids\":[\"P000000001\",\"P000000002\"]}");
        Job valuation = submit("valuation", "{\"property_id\":\"P000000003\"}");

        List<Job> all = List.of(enrich, refresh, valuation);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                all.stream()
                                        .allMatch(
                                                j ->
                                                        store.find(j.id())
                                                                .orElseThrow()
                                                                .status()
                                                                .isFinal()));

        for (Job job : all) {
            assertThat(store.find(job.id()).orElseThrow().status())
                    .as("status of %s job", job.type().key())
                    .isEqualTo(JobStatus.SUCCEEDED);
        }
        Job enriched = store.find(enrich.id()).orElseThrow();
        assertThat(((JobResult.File) enriched.result().orElseThrow()).rows()).isEqualTo(2500);
        assertThat(enriched.progress().done()).isEqualTo(2500);
        assertThat(sandbox.stats().rateLimitedTotal()).isZero();
    }
}
