package dev.reapi.bench.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.application.job.InvalidJobRequest;
import dev.reapi.gateway.application.job.JobContext;
import dev.reapi.gateway.application.job.JobHandler;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobType;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A handler that does nothing but note when it started and return an empty inline result. It stands
 * in for the {@link #TYPE} handler: the gateway's job types are a closed set, and which one is
 * borrowed does not matter since the engine treats every type alike. Thread-safe.
 */
final class NoopHandler implements JobHandler {

    /** The job type this handler is registered under. */
    static final JobType TYPE = JobType.VALUATION;

    private final Supplier<Timeline> timeline;

    /** A handler reporting to whatever timeline {@code timeline} returns at the time. */
    NoopHandler(Supplier<Timeline> timeline) {
        this.timeline = timeline;
    }

    @Override
    public JobType type() {
        return TYPE;
    }

    @Override
    public ObjectNode validate(JsonNode params, List<InvalidJobRequest.FieldProblem> problems) {
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public JobResult run(JobContext context) {
        timeline.get().started(context.job().id().value(), System.nanoTime());
        return context.inline(Map.of());
    }
}
