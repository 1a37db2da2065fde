package dev.reapi.gateway.adapter.out.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.application.job.InvalidJobRequest;
import dev.reapi.gateway.application.job.JobService;
import dev.reapi.gateway.application.port.out.IdempotencyConflict;
import dev.reapi.gateway.domain.job.Job;
import dev.reapi.gateway.domain.job.JobPage;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobStatus;
import dev.reapi.gateway.domain.notify.DeliveryState;
import dev.reapi.gateway.domain.notify.Notification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job engine's behaviour, run against each database dialect by a subclass. */
abstract class JobEngineContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private final ScriptedHandler handler = new ScriptedHandler();
    private Database database;
    private JobRig rig;

    /** A fresh, migrated database of the dialect under test. */
    abstract Database openDatabase(Path dir);

    /** Releases what {@link #openDatabase} created besides the database. */
    void closeDatabase() {}

    @BeforeEach
    void setUp() {
        database = openDatabase(dir);
        rig = new JobRig(database, dir, List.of(handler), "test-1");
    }

    @AfterEach
    void tearDown() {
        rig.close();
        database.close();
        closeDatabase();
    }

    private Job submit(String user, String params) {
        return submit(user, params, Optional.empty(), Optional.empty());
    }

    private Job submit(
            String user, String params, Optional<String> callback, Optional<String> key) {
        return rig.jobs
                .submit(new JobService.Submit(user, "search", json(params), callback, key))
                .job();
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private Job awaitStatus(Job job, JobStatus status) {
        await().atMost(WAIT).until(() -> rig.store.find(job.id()).orElseThrow().status() == status);
        return rig.store.find(job.id()).orElseThrow();
    }

    private long executions(Job job) {
        return database.jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT COUNT(*) FROM scheduled_tasks"
                                                        + " WHERE task_instance = :id")
                                        .bind("id", job.id().value())
                                        .mapTo(Long.class)
                                        .one());
    }

    @Test
    void submit_whenEngineRuns_succeedsWithResultAndOneNotification() {
        rig.engine.start();

        Job job = submit("u1", "{\"value\":\"x\"}");
        Job done = awaitStatus(job, JobStatus.SUCCEEDED);

        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.result()).contains(new JobResult.Inline("{\"value\":\"x\"}"));
        List<Notification> notes = rig.outbox.listForUser("u1", 0, 10);
        assertThat(notes)
                .singleElement()
                .satisfies(
                        n -> {
                            assertThat(n.eventType()).isEqualTo("job.succeeded");
                            assertThat(n.seq()).isEqualTo(1);
                            assertThat(n.state()).isEqualTo(DeliveryState.NONE);
                        });
    }

    @Test
    void submit_beforeEngineStarts_isPersistedQueuedWithItsExecution() {
        Job job = submit("u1", "{}");

        assertThat(rig.store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        long executions =
                database.jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT COUNT(*) FROM scheduled_tasks"
                                                                + " WHERE task_instance = :id")
                                                .bind("id", job.id().value())
                                                .mapTo(Long.class)
                                                .one());
        assertThat(executions).isEqualTo(1);

        rig.engine.start();
        awaitStatus(job, JobStatus.SUCCEEDED);
    }

    @Test
    void submit_isPickedUpWithinABoundedDelay() {
        rig.engine.start();
        List<Long> delays = new java.util.ArrayList<>();

        for (int i = 0; i < 20; i++) {
            Job submitted = submit("u1", "{\"i\":" + i + "}");
            // From the job being persisted (submit returned), as callers see it: a slow insert
            // is the database's latency, not the engine's pickup delay.
            Instant persisted = rig.clock.instant();
            Job done = awaitStatus(submitted, JobStatus.SUCCEEDED);
            Instant started = done.startedAt().orElseThrow();
            delays.add(Math.max(0, Duration.between(persisted, started).toMillis()));
        }

        delays.sort(null);
        // The submit wakes the engine, so pickup does not wait for the 50 ms poll.
        assertThat(delays.get(delays.size() - 1)).isLessThan(1000);
        org.slf4j.LoggerFactory.getLogger(getClass())
                .info(
                        "submit-to-start ms: p50={} max={}",
                        delays.get(delays.size() / 2),
                        delays.get(delays.size() - 1));
    }

    @Test
    void transientFailures_areRetriedWithBackoff_thenSucceed() {
        rig.engine.start();

        Job done = awaitStatus(submit("u1", "{\"fail_times\":2}"), JobStatus.SUCCEEDED);

        assertThat(done.attempts()).isEqualTo(3);
        assertThat(rig.outbox.listForUser("u1", 0, 10)).hasSize(1);
    }

    @Test
    void transientFailures_beyondMaxAttempts_deadAndRerunByAdmin() {
        rig.engine.start();

        Job job = submit("u1", "{\"fail_before_run\":2}");
        Job dead = awaitStatus(job, JobStatus.DEAD);

        assertThat(dead.attempts()).isEqualTo(JobRig.FAST.maxAttempts());
        assertThat(dead.error().orElseThrow().code()).isEqualTo("upstream_unavailable");
        assertThat(rig.outbox.listForUser("u1", 0, 10))
                .extracting(Notification::eventType)
                .containsExactly("job.dead");

        assertThat(rig.jobs.rerun(job.id().value())).isTrue();
        Job rerun = awaitStatus(job, JobStatus.SUCCEEDED);

        assertThat(rerun.run()).isEqualTo(2);
        assertThat(rerun.attempts()).isEqualTo(1);
        assertThat(rig.outbox.listForUser("u1", 0, 10))
                .extracting(Notification::eventType)
                .containsExactly("job.dead", "job.succeeded");
        assertThat(rig.jobs.rerun(job.id().value())).isFalse();
    }

    @Test
    void permanentFailure_failsAtOnceWithoutRetry() {
        rig.engine.start();

        Job failed = awaitStatus(submit("u1", "{\"permanent\":true}"), JobStatus.FAILED);

        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.error().orElseThrow().code()).isEqualTo("bad_input");
        assertThat(rig.outbox.listForUser("u1", 0, 10))
                .extracting(Notification::eventType)
                .containsExactly("job.failed");
    }

    @Test
    void invalidParams_areRejectedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> submit("u1", "{\"fail_times\":\"x\"}"))
                .isInstanceOfSatisfying(
                        InvalidJobRequest.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(InvalidJobRequest.FieldProblem::field)
                                        .containsExactly("params.fail_times"));
        assertThat(rig.store.list("u1", Optional.empty(), 10).jobs()).isEmpty();
    }

    @Test
    void idempotencyKey_sameBodyReturnsSameJob_otherBodyConflicts() {
        Job first = submit("u1", "{\"a\":1,\"b\":2}", Optional.empty(), Optional.of("k-1"));
        Job again = submit("u1", "{\"b\":2,\"a\":1}", Optional.empty(), Optional.of("k-1"));
        Job otherUser = submit("u2", "{\"a\":1,\"b\":2}", Optional.empty(), Optional.of("k-1"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(otherUser.id()).isNotEqualTo(first.id());
        assertThatThrownBy(() -> submit("u1", "{\"a\":2}", Optional.empty(), Optional.of("k-1")))
                .isInstanceOf(IdempotencyConflict.class)
                .hasMessageContaining(first.id().value());
    }

    @Test
    void getAndCancel_byAnotherUser_seeNothing() {
        Job job = submit("u1", "{}");

        assertThat(rig.jobs.get("u2", job.id().value())).isEmpty();
        assertThat(rig.jobs.cancel("u2", job.id().value())).isFalse();
        assertThat(rig.jobs.get("u1", job.id().value())).isPresent();
    }

    /**
     * The worker hands its result to the store after the job was cancelled: the final state is
     * dropped, and the execution the worker had picked is removed with it, not left to be revived.
     */
    @Test
    void cancel_runningJob_dropsTheLateResultAndItsExecution() {
        rig.engine.start();
        Job job = submit("u1", "{\"hold\":true}");
        awaitStatus(job, JobStatus.RUNNING);

        assertThat(rig.jobs.cancel("u1", job.id().value())).isTrue();
        handler.gate.countDown();

        await().atMost(WAIT).until(() -> executions(job) == 0);
        assertThat(rig.store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(handler.runs.get(job.id().value())).hasValue(1);
        assertThat(rig.outbox.listForUser("u1", 0, 10)).isEmpty();
    }

    @Test
    void cancel_queuedJob_neverRunsAndNotifiesNobody() {
        Job job = submit("u1", "{}");

        assertThat(rig.jobs.cancel("u1", job.id().value())).isTrue();
        rig.engine.start();

        assertThat(rig.jobs.cancel("u1", job.id().value())).isFalse();
        Job cancelled = rig.store.find(job.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(handler.runs).doesNotContainKey(job.id().value());
        assertThat(rig.outbox.listForUser("u1", 0, 10)).isEmpty();
    }

    @Test
    void list_pagesNewestFirstWithCursor() {
        for (int i = 0; i < 5; i++) {
            submit("u1", "{\"i\":" + i + "}");
        }
        submit("u2", "{}");

        JobPage first = rig.jobs.list("u1", Optional.empty(), 3);
        JobPage second = rig.jobs.list("u1", first.nextCursor(), 3);

        assertThat(first.jobs()).hasSize(3);
        assertThat(second.jobs()).hasSize(2);
        assertThat(second.nextCursor()).isEmpty();
        // Jobs submitted within one millisecond share created_at and are then ordered by id,
        // so the test checks the order the store promises rather than the submission order.
        List<Job> all = new ArrayList<>(first.jobs());
        all.addAll(second.jobs());
        assertThat(all)
                .extracting(Job::paramsJson)
                .containsExactlyInAnyOrder(
                        "{\"i\":0}", "{\"i\":1}", "{\"i\":2}", "{\"i\":3}", "{\"i\":4}");
        assertThat(all)
                .isSortedAccordingTo(
                        Comparator.comparing(Job::createdAt)
                                .thenComparing(job -> job.id().value())
                                .reversed());
    }

    @Test
    void fileResult_isWrittenAndReadInPages() {
        rig.engine.start();

        Job done = awaitStatus(submit("u1", "{\"rows\":25}"), JobStatus.SUCCEEDED);

        JobResult.File file = (JobResult.File) done.result().orElseThrow();
        assertThat(file.rows()).isEqualTo(25);
        var page = rig.files.read(file, 20, 10);
        assertThat(page.header()).contains("id,note");
        assertThat(page.rows()).hasSize(5).first().isEqualTo("P20,\"a, b\"");
        assertThat(page.nextOffset()).isEmpty();
        assertThat(done.progress().done()).isEqualTo(25);
    }

    @Test
    void completion_isDeliveredOnceAsSignedWebhook() throws Exception {
        try (var receiver = new WebhookReceiver(204)) {
            String secret = rig.notifications.saveSettings("u1", receiver.url()).signingSecret();
            rig.engine.start();

            awaitStatus(submit("u1", "{}"), JobStatus.SUCCEEDED);
            await().atMost(WAIT)
                    .until(() -> rig.relay.relayOnce() == 0 && !receiver.received.isEmpty());
            rig.relay.relayOnce();

            assertThat(receiver.received).hasSize(1);
            WebhookReceiver.Received request = receiver.received.getFirst();
            Map<String, List<String>> headers = new HashMap<>();
            request.headers()
                    .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
            new Webhook(secret).verify(request.body(), headers);
            assertThat(mapper.readTree(request.body()).path("type").asText())
                    .isEqualTo("job.succeeded");
            assertThat(rig.outbox.listForUser("u1", 0, 10))
                    .singleElement()
                    .extracting(Notification::state)
                    .isEqualTo(DeliveryState.DELIVERED);
        }
    }

    @Test
    void failingCallback_isRetriedThenDeadAndStillListed() {
        try (var receiver = new WebhookReceiver(500)) {
            rig.engine.start();

            awaitStatus(
                    submit("u1", "{}", Optional.of(receiver.url()), Optional.empty()),
                    JobStatus.SUCCEEDED);
            rig.notifications.saveSettings("u1", "");
            await().atMost(WAIT)
                    .until(
                            () -> {
                                rig.relay.relayOnce();
                                return rig.outbox.listForUser("u1", 0, 10).getFirst().state()
                                        == DeliveryState.DEAD;
                            });

            Notification dead = rig.outbox.listForUser("u1", 0, 10).getFirst();
            assertThat(dead.attempts()).isEqualTo(2);
            assertThat(dead.lastError()).contains("HTTP 500");
            assertThat(receiver.received).hasSize(2);
        }
    }
}
