package dev.reapi.gateway.application.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.application.notify.CallbackUrlPolicy;
import dev.reapi.gateway.application.port.out.JobScheduler;
import dev.reapi.gateway.application.port.out.JobStore;
import dev.reapi.gateway.domain.job.Job;
import dev.reapi.gateway.domain.job.JobId;
import dev.reapi.gateway.domain.job.JobPage;
import dev.reapi.gateway.domain.job.JobType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job use cases: submit, read, list, cancel and rerun. A user sees and cancels only their own
 * jobs; to anyone else a job does not exist. Thread-safe.
 */
public final class JobService {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final JobStore store;
    private final JobScheduler scheduler;
    private final Map<JobType, JobHandler> handlers;
    private final CallbackUrlPolicy callbackPolicy;
    private final JobSettings settings;
    private final ObjectMapper canonical;
    private final Clock clock;
    private final RandomGenerator random;

    /**
     * A service.
     *
     * @param handlers one per job type that may be submitted; others are rejected
     * @param random source of job ids; access is synchronised here
     */
    public JobService(
            JobStore store,
            JobScheduler scheduler,
            Map<JobType, JobHandler> handlers,
            CallbackUrlPolicy callbackPolicy,
            JobSettings settings,
            ObjectMapper mapper,
            Clock clock,
            RandomGenerator random) {
        this.store = Objects.requireNonNull(store, "store");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.handlers = Map.copyOf(handlers);
        this.callbackPolicy = Objects.requireNonNull(callbackPolicy, "callbackPolicy");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.canonical = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A job to submit.
     *
     * @param userId the owner
     * @param type the type's API name, e.g. {@code enrich}
     * @param params the submitted parameters
     * @param callbackUrl where to POST the completion notification, overriding the user's setting
     * @param idempotencyKey the caller's {@code Idempotency-Key}
     */
    public record Submit(
            String userId,
            String type,
            JsonNode params,
            Optional<String> callbackUrl,
            Optional<String> idempotencyKey) {
        public Submit {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(callbackUrl, "callbackUrl");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }

    /**
     * Validates and stores a job with its due execution, then wakes the engine.
     *
     * @throws InvalidJobRequest naming every invalid field; nothing is stored
     * @throws dev.reapi.gateway.application.port.out.IdempotencyConflict when the key was used with
     *     another body
     */
    public JobStore.Submission submit(Submit command) {
        List<InvalidJobRequest.FieldProblem> problems = new ArrayList<>();
        Optional<JobType> type = JobType.fromKey(command.type());
        ObjectNode params = canonical.createObjectNode();
        if (type.isEmpty() || !handlers.containsKey(type.get())) {
            problems.add(
                    new InvalidJobRequest.FieldProblem(
                            "type",
                            "must be one of "
                                    + handlers.keySet().stream()
                                            .map(JobType::key)
                                            .sorted()
                                            .toList()));
        } else {
            params = handlers.get(type.get()).validate(command.params(), problems);
        }
        command.callbackUrl()
                .flatMap(callbackPolicy::rejection)
                .ifPresent(
                        r -> problems.add(new InvalidJobRequest.FieldProblem("callback_url", r)));
        command.idempotencyKey()
                .filter(key -> !IDEMPOTENCY_KEY.matcher(key).matches())
                .ifPresent(
                        key ->
                                problems.add(
                                        new InvalidJobRequest.FieldProblem(
                                                "Idempotency-Key",
                                                "must be 1-200 visible ASCII characters")));
        if (!problems.isEmpty()) {
            throw new InvalidJobRequest(problems);
        }

        String paramsJson = write(params);
        Job job =
                Job.submitted(
                        newId(),
                        command.userId(),
                        type.orElseThrow(),
                        paramsJson,
                        settings.retry().maxAttempts(),
                        command.callbackUrl(),
                        clock.instant());
        String fingerprint =
                sha256(
                        type.get().key()
                                + "\n"
                                + paramsJson
                                + "\n"
                                + command.callbackUrl().orElse(""));
        JobStore.Submission submission = store.submit(job, command.idempotencyKey(), fingerprint);
        if (submission.created()) {
            LOG.info(
                    "job {}: submitted by user {} ({})",
                    job.id(),
                    command.userId(),
                    job.type().key());
            scheduler.wake();
        }
        return submission;
    }

    /** The job {@code id} when {@code userId} owns it. */
    public Optional<Job> get(String userId, String id) {
        if (!JobId.isValid(id)) {
            return Optional.empty();
        }
        return store.find(new JobId(id)).filter(job -> job.userId().equals(userId));
    }

    /** The job {@code id} whoever owns it, for admins. */
    public Optional<Job> getAny(String id) {
        return JobId.isValid(id) ? store.find(new JobId(id)) : Optional.empty();
    }

    /**
     * One page of {@code userId}'s jobs, newest first.
     *
     * @throws IllegalArgumentException when the cursor was not issued by this gateway
     */
    public JobPage list(String userId, Optional<String> cursor, int limit) {
        return store.list(userId, cursor, limit);
    }

    /** Cancels a queued or running job of {@code userId}; false when there is none such. */
    public boolean cancel(String userId, String id) {
        if (!JobId.isValid(id)) {
            return false;
        }
        boolean cancelled = store.cancel(new JobId(id), userId, clock.instant());
        if (cancelled) {
            LOG.info("job {}: cancelled by its owner", id);
        }
        return cancelled;
    }

    /** Queues a dead job again from scratch; false when the job is not dead. */
    public boolean rerun(String id) {
        if (!JobId.isValid(id)) {
            return false;
        }
        boolean requeued = store.rerun(new JobId(id), clock.instant());
        if (requeued) {
            LOG.info("job {}: rerun by an admin", id);
            scheduler.wake();
        }
        return requeued;
    }

    private JobId newId() {
        synchronized (random) {
            return JobId.random(random);
        }
    }

    private String write(JsonNode node) {
        try {
            // Through a map so that keys are sorted and equal bodies get equal fingerprints.
            Object tree = canonical.treeToValue(node, Object.class);
            return canonical.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write job parameters as JSON", e);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
