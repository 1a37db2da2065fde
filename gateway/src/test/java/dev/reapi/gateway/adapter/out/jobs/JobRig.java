package dev.reapi.gateway.adapter.out.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.gateway.adapter.out.notify.SignedWebhookSender;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiJobStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiOutboxStore;
import dev.reapi.gateway.application.job.JobHandler;
import dev.reapi.gateway.application.job.JobRunner;
import dev.reapi.gateway.application.job.JobService;
import dev.reapi.gateway.application.job.JobSettings;
import dev.reapi.gateway.application.notify.CallbackUrlPolicy;
import dev.reapi.gateway.application.notify.NotificationService;
import dev.reapi.gateway.application.notify.OutboxRelay;
import dev.reapi.gateway.domain.job.JobType;
import dev.reapi.gateway.domain.job.RetryPolicy;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The job engine wired as the gateway wires it, over one database, with fast polling and short
 * backoff so that tests finish in seconds.
 */
final class JobRig implements AutoCloseable {

    static final RetryPolicy FAST =
            new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100), 2.0, 0.0);

    final Database database;
    final ObjectMapper mapper = new ObjectMapper();
    final Clock clock = Clock.systemUTC();
    final JdbiJobStore store;
    final JdbiOutboxStore outbox;
    final LocalResultFiles files;
    final JobService jobs;
    final JobRunner runner;
    final DbSchedulerJobs engine;
    final NotificationService notifications;
    final OutboxRelay relay;

    JobRig(Database database, Path dataDir, List<JobHandler> handlerList, String instance) {
        this.database = database;
        Map<JobType, JobHandler> handlers =
                Map.copyOf(
                        handlerList.stream()
                                .collect(
                                        java.util.stream.Collectors.toMap(
                                                JobHandler::type, h -> h)));
        var settings = new JobSettings(FAST, 4096, "");
        var policy = new CallbackUrlPolicy(true, true, InetAddress::getAllByName);
        var jobsDatabase = JobsDatabase.over(database);
        this.store =
                new JdbiJobStore(
                        jobsDatabase.jdbi(), database.dialect(), DbSchedulerJobs.TASK_NAME);
        this.outbox = new JdbiOutboxStore(database.jdbi());
        this.files = new LocalResultFiles(dataDir.resolve("job-results"), mapper);
        this.runner =
                new JobRunner(
                        store,
                        handlers,
                        files,
                        new BucketThrottle(1000),
                        settings,
                        mapper,
                        clock,
                        new SplittableRandom(7));
        this.engine =
                new DbSchedulerJobs(
                        jobsDatabase.dataSource(),
                        database.dialect() == Database.Dialect.POSTGRESQL,
                        runner,
                        new DbSchedulerJobs.Settings(
                                2,
                                Duration.ofMillis(50),
                                Duration.ofMillis(200),
                                4,
                                Duration.ofSeconds(5),
                                instance),
                        clock);
        this.jobs =
                new JobService(
                        store,
                        engine,
                        handlers,
                        policy,
                        settings,
                        mapper,
                        clock,
                        new SplittableRandom(11));
        this.notifications =
                new NotificationService(outbox, policy, mapper, clock, new SplittableRandom(13));
        this.relay =
                new OutboxRelay(
                        outbox,
                        new SignedWebhookSender(Duration.ofSeconds(5), "reapi-test"),
                        policy,
                        new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), 2.0, 0.0),
                        Duration.ofSeconds(30),
                        10,
                        mapper,
                        clock,
                        new SplittableRandom(17));
    }

    @Override
    public void close() {
        engine.close();
    }
}
