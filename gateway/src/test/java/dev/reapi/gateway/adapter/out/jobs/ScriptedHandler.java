package dev.reapi.gateway.adapter.out.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.application.job.InvalidJobRequest;
import dev.reapi.gateway.application.job.JobContext;
import dev.reapi.gateway.application.job.JobFailure;
import dev.reapi.gateway.application.job.JobHandler;
import dev.reapi.gateway.domain.job.ExportFormat;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler whose behaviour the job's parameters script: {@code fail_times} transient failures
 * before succeeding, {@code permanent} to fail at once, {@code fail_before_run} to fail transiently
 * in runs before that one, {@code rows} to write a file result, {@code sleep_ms} to take time,
 * {@code hold} to wait until the test opens {@link #gate}. Counts the attempts it ran per job.
 */
final class ScriptedHandler implements JobHandler {

    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    /** Holds jobs with {@code hold} until a test counts it down. */
    final CountDownLatch gate = new CountDownLatch(1);

    @Override
    public JobType type() {
        return JobType.SEARCH;
    }

    @Override
    public ObjectNode validate(JsonNode params, List<InvalidJobRequest.FieldProblem> problems) {
        if (!params.isObject()) {
            problems.add(new InvalidJobRequest.FieldProblem("params", "must be an object"));
            return JsonNodeFactory.instance.objectNode();
        }
        if (params.has("fail_times") && !params.get("fail_times").canConvertToInt()) {
            problems.add(new InvalidJobRequest.FieldProblem("params.fail_times", "not an int"));
        }
        return (ObjectNode) params;
    }

    @Override
    public JobResult run(JobContext context) throws InterruptedException {
        ObjectNode params = context.params();
        int attempt =
                runs.computeIfAbsent(context.job().id().value(), k -> new AtomicInteger())
                        .incrementAndGet();
        if (params.path("sleep_ms").asLong(0) > 0) {
            Thread.sleep(params.path("sleep_ms").asLong());
        }
        if (params.path("hold").asBoolean(false)) {
            gate.await();
        }
        if (params.path("permanent").asBoolean(false)) {
            throw JobFailure.permanent("bad_input", "scripted permanent failure");
        }
        if (attempt <= params.path("fail_times").asInt(0)
                || context.job().run() < params.path("fail_before_run").asInt(0)) {
            throw JobFailure.transientFailure(
                    "upstream_unavailable", "scripted transient failure", new RuntimeException());
        }
        int rows = params.path("rows").asInt(0);
        if (rows > 0) {
            try (var writer = context.resultFile(ExportFormat.CSV)) {
                for (int i = 0; i < rows; i++) {
                    writer.append("{\"id\":\"P" + i + "\",\"note\":\"a, b\"}");
                    context.progress(i + 1, rows);
                }
                return writer.commit();
            }
        }
        return context.inline(Map.of("value", params.path("value").asText("done")));
    }
}
