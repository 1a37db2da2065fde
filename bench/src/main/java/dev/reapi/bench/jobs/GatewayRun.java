package dev.reapi.bench.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.reapi.gateway.adapter.out.jobs.BucketThrottle;
import dev.reapi.gateway.adapter.out.jobs.DbSchedulerJobs;
import dev.reapi.gateway.adapter.out.jobs.JobsDatabase;
import dev.reapi.gateway.adapter.out.jobs.LocalResultFiles;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiJobStore;
import dev.reapi.gateway.application.job.JobHandler;
import dev.reapi.gateway.application.job.JobRunner;
import dev.reapi.gateway.application.job.JobService;
import dev.reapi.gateway.application.job.JobSettings;
import dev.reapi.gateway.application.notify.CallbackUrlPolicy;
import dev.reapi.gateway.config.JobsConfig;
import dev.reapi.gateway.domain.job.JobType;
import dev.reapi.gateway.domain.job.RetryPolicy;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway's job engine over one database, wired as the gateway wires it (job store, runner,
 * db-scheduler engine and service with the default settings), with a {@link NoopHandler} and a
 * {@link FinishRecordingStore} to take the timings. Every submission goes through {@link
 * JobService#submit}, which commits the job row and its execution before it returns.
 *
 * <p>One run at a time; close it to stop the engine and close the database.
 */
final class GatewayRun implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final String USER = "bench";

    private final String store;
    private final int concurrency;
    private final Database database;
    private final DbSchedulerJobs engine;
    private final JobService jobs;
    private volatile Timeline timeline = new Timeline(0);

    private GatewayRun(String store, int concurrency, Database database, Path resultDir) {
        this.store = store;
        this.concurrency = concurrency;
        this.database = database;
        JobsConfig defaults = JobsConfig.defaults();
        var mapper = new ObjectMapper();
        var clock = Clock.systemUTC();
        var settings =
                new JobSettings(
                        new RetryPolicy(
                                defaults.maxAttempts(),
                                Duration.ofSeconds(2),
                                Duration.ofMinutes(5),
                                2.0,
                                0.2),
                        defaults.maxInlineResultBytes(),
                        defaults.publicBaseUrl());
        Map<JobType, JobHandler> handlers =
                Map.of(NoopHandler.TYPE, new NoopHandler(() -> timeline));
        var jobsDatabase = JobsDatabase.over(database);
        var jobStore =
                new FinishRecordingStore(
                        new JdbiJobStore(
                                jobsDatabase.jdbi(), database.dialect(), DbSchedulerJobs.TASK_NAME),
                        () -> timeline);
        var runner =
                new JobRunner(
                        jobStore,
                        handlers,
                        new LocalResultFiles(resultDir, mapper),
                        BucketThrottle.share(
                                defaults.vendorRps(), defaults.upstreamSharePercent() / 100.0),
                        settings,
                        mapper,
                        clock,
                        new SplittableRandom(1));
        this.engine =
                new DbSchedulerJobs(
                        jobsDatabase.dataSource(),
                        database.dialect() == Database.Dialect.POSTGRESQL,
                        runner,
                        new DbSchedulerJobs.Settings(
                                concurrency,
                                defaults.pollInterval(),
                                defaults.heartbeat(),
                                4,
                                defaults.shutdownWait(),
                                "jobs-bench-" + ProcessHandle.current().pid()),
                        clock);
        this.jobs =
                new JobService(
                        jobStore,
                        engine,
                        handlers,
                        new CallbackUrlPolicy(false, false, InetAddress::getAllByName),
                        settings,
                        mapper,
                        clock,
                        new SplittableRandom(2));
    }

    /**
     * Opens (and migrates) the database at {@code jdbcUrl} and starts the engine.
     *
     * @param store the database's name in the report, e.g. {@code SQLite}
     * @param resultDir where file results would go (the no-op handler writes none)
     */
    static GatewayRun start(String store, String jdbcUrl, int concurrency, Path resultDir) {
        Database database = Database.open(jdbcUrl);
        try {
            var run = new GatewayRun(store, concurrency, database, resultDir);
            run.engine.start();
            return run;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Submits {@code count} jobs from {@code submitters} threads as fast as they go. */
    JobsResult flatOut(int count, int submitters) throws Exception {
        Timeline current = begin(count);
        var next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(submitters)) {
            List<Future<?>> loops = new ArrayList<>();
            for (int s = 0; s < submitters; s++) {
                loops.add(
                        pool.submit(
                                () -> {
                                    while (next.getAndIncrement() < count) {
                                        submit(current);
                                    }
                                }));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
        }
        return finish(current, "throughput", submitters, 0, start);
    }

    /** Submits {@code count} jobs from one thread at {@code rate} per second. */
    JobsResult paced(int count, double rate) throws Exception {
        Timeline current = begin(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / rate);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            submit(current);
        }
        return finish(current, "paced", 1, rate, start);
    }

    private Timeline begin(int count) {
        var current = new Timeline(count);
        timeline = current;
        return current;
    }

    private void submit(Timeline current) {
        var submission =
                jobs.submit(
                        new JobService.Submit(
                                USER,
                                NoopHandler.TYPE.key(),
                                JsonNodeFactory.instance.objectNode(),
                                Optional.empty(),
                                Optional.empty()));
        current.returned(submission.job().id().value(), System.nanoTime());
    }

    private JobsResult finish(
            Timeline current, String scenario, int submitters, double rate, long start)
            throws InterruptedException {
        if (!current.awaitFinished(TIMEOUT)) {
            throw new IllegalStateException(
                    store
                            + ": "
                            + current.unfinished()
                            + " jobs still unfinished after "
                            + TIMEOUT.toMinutes()
                            + " minutes");
        }
        return JobsResult.of(
                "gateway",
                store,
                scenario,
                concurrency,
                submitters,
                rate,
                current.lastFinishNanos() - start,
                current.submitToStart());
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            database.close();
        }
    }
}
