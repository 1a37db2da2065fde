package dev.reapi.gateway.adapter.out.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.reapi.gateway.application.job.AttemptOutcome;
import dev.reapi.gateway.application.job.JobRunner;
import dev.reapi.gateway.application.port.out.JobScheduler;
import dev.reapi.gateway.domain.GatewayException;
import dev.reapi.gateway.domain.job.JobId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on db-scheduler. Each job has one execution row in {@code scheduled_tasks}, named by
 * {@link #TASK_NAME} and the job id, written together with the job row; every gateway instance on
 * the same database polls for due executions and exactly one picks each.
 *
 * <p>A worker that dies (process killed) stops sending heartbeats; after {@code heartbeat *
 * missedHeartbeats} another instance, or this one after a restart, revives the execution and runs
 * the job again from the start. {@link #close} stops taking new executions and waits up to the
 * shutdown timeout for running ones; an attempt still running then is interrupted and its execution
 * is picked up again after a restart. It then waits, up to the same timeout, for final states the
 * job store is still committing.
 *
 * <p>Thread-safe.
 */
public final class DbSchedulerJobs implements JobScheduler, AutoCloseable {

    /** The db-scheduler task that runs jobs; the execution's instance id is the job id. */
    public static final String TASK_NAME = "reapi-job";

    private static final Logger LOG = LoggerFactory.getLogger(DbSchedulerJobs.class);
    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(1);

    private final Scheduler scheduler;
    private final JobRunner runner;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Settings settings;

    /**
     * Engine settings.
     *
     * @param threads jobs run at once by this instance (default 4)
     * @param pollingInterval how often this instance looks for due executions (default 250 ms)
     * @param heartbeatInterval how often a running execution proves its worker alive (default 5 s)
     * @param missedHeartbeats heartbeats missed before an execution counts as dead (default 4)
     * @param shutdownWait how long {@link #close} waits for running jobs (default 10 s)
     * @param instanceName this instance's name in {@code picked_by}, e.g. the host name
     */
    public record Settings(
            int threads,
            Duration pollingInterval,
            Duration heartbeatInterval,
            int missedHeartbeats,
            Duration shutdownWait,
            String instanceName) {

        public Settings {
            Objects.requireNonNull(pollingInterval, "pollingInterval");
            Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
            Objects.requireNonNull(shutdownWait, "shutdownWait");
            Objects.requireNonNull(instanceName, "instanceName");
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be 1..256, was " + threads);
            }
            if (pollingInterval.toMillis() < 10 || heartbeatInterval.toMillis() < 100) {
                throw new IllegalArgumentException(
                        "pollingInterval must be >= 10 ms and heartbeatInterval >= 100 ms, were "
                                + pollingInterval
                                + " and "
                                + heartbeatInterval);
            }
            if (missedHeartbeats < 4) {
                throw new IllegalArgumentException(
                        "missedHeartbeats must be >= 4 (db-scheduler's minimum), was "
                                + missedHeartbeats);
            }
        }

        /** Defaults for one instance named {@code instanceName}. */
        public static Settings defaults(String instanceName) {
            return new Settings(
                    4,
                    Duration.ofMillis(250),
                    Duration.ofSeconds(5),
                    4,
                    Duration.ofSeconds(10),
                    instanceName);
        }
    }

    /**
     * An engine over {@code dataSource}; {@link #start} begins polling.
     *
     * @param postgres whether the database is PostgreSQL; otherwise it is SQLite
     */
    public DbSchedulerJobs(
            DataSource dataSource,
            boolean postgres,
            JobRunner runner,
            Settings settings,
            Clock clock) {
        this(dataSource, postgres, runner, settings, clock, List.of());
    }

    /**
     * An engine that also runs {@code recurring} tasks (e.g. a scheduled batch sync), so that one
     * scheduler polls {@code scheduled_tasks}: a second scheduler on the same table would see the
     * other's executions as unknown tasks.
     *
     * @param postgres whether the database is PostgreSQL; otherwise it is SQLite
     */
    public DbSchedulerJobs(
            DataSource dataSource,
            boolean postgres,
            JobRunner runner,
            Settings settings,
            Clock clock,
            List<RecurringTask<?>> recurring) {
        this.settings = Objects.requireNonNull(settings, "settings");
        CustomTask<Void> task =
                Tasks.custom(TASK_NAME, Void.class)
                        .onFailureReschedule(Schedules.fixedDelay(AFTER_INTERRUPT))
                        .onDeadExecutionRevive()
                        .execute((instance, context) -> run(runner, new JobId(instance.getId())));
        // startTasks adds the recurring tasks to the known ones; naming them twice is an error.
        List<Task<?>> known = new ArrayList<>();
        known.add(task);
        SchedulerBuilder builder =
                Scheduler.create(dataSource, known)
                        .startTasks(List.copyOf(recurring))
                        .threads(settings.threads())
                        .pollingInterval(settings.pollingInterval())
                        .heartbeatInterval(settings.heartbeatInterval())
                        .missedHeartbeatsLimit(settings.missedHeartbeats())
                        .shutdownMaxWait(settings.shutdownWait())
                        .schedulerName(new SchedulerName.Fixed(settings.instanceName()))
                        .clock(clock::instant)
                        .failureLogging(
                                com.github.kagkarlsson.scheduler.logging.LogLevel.WARN, false);
        // Picking an execution also starts its job's attempt, in the same transaction.
        builder.jdbcCustomization(postgres ? new PostgresLockAndFetch() : new SqliteLockAndFetch());
        // Never more picked than threads: a picked execution waiting in the queue gets no
        // heartbeats, so behind a long job it could be revived by another instance. Fetch again as
        // soon as one thread is free, instead of waiting for half of them.
        int threads = settings.threads();
        builder.pollUsingLockAndFetch((threads - 1) / (double) threads, 1.0);
        this.scheduler = builder.build();
        this.runner = runner;
    }

    private static CompletionHandler<Void> run(JobRunner runner, JobId id) {
        AttemptOutcome outcome;
        try {
            outcome = runner.runAttempt(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("job " + id + ": attempt interrupted by shutdown", e);
        }
        return switch (outcome) {
            case AttemptOutcome.Done done -> new CompletionHandler.OnCompleteRemove<>();
            // The job store deleted the execution with the final state: one commit fewer per job.
            case AttemptOutcome.Finished finished -> (complete, operations) -> {};
            case AttemptOutcome.RetryAt retry ->
                    (complete, operations) -> operations.reschedule(complete, retry.dueAt());
        };
    }

    /** Starts polling for due executions; idempotent. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            scheduler.start();
            LOG.info(
                    "Job engine started as {} ({} threads, polling every {} ms)",
                    settings.instanceName(),
                    settings.threads(),
                    settings.pollingInterval().toMillis());
        }
    }

    @Override
    public void wake() {
        if (started.get()) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    /** Waits for final states still being committed, so that a clean stop re-runs nothing. */
    private void awaitFinishes() {
        try {
            if (!runner.awaitFinishes(settings.shutdownWait())) {
                LOG.warn(
                        "Job engine {}: final states still uncommitted after {} ms; those jobs run"
                                + " again after a restart",
                        settings.instanceName(),
                        settings.shutdownWait().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking executions and waits up to the shutdown timeout for running ones. */
    @Override
    public void close() {
        if (started.compareAndSet(true, false)) {
            scheduler.stop();
            awaitFinishes();
            LOG.info("Job engine {} stopped", settings.instanceName());
        }
    }
}
