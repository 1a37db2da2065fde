package dev.reapi.gateway.application.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.client.model.Valuation;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobType;
import java.util.List;
import java.util.Objects;

/**
 * {@code valuation} jobs: one property's valuation, by {@code property_id} or by {@code address}
 * ({@code 1234 Oak St, City, ST 12345}); exactly one of the two. Thread-safe.
 */
public final class ValuationJobHandler implements JobHandler {

    private final PropertySource upstream;

    /** A handler calling {@code upstream}. */
    public ValuationJobHandler(PropertySource upstream) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
    }

    @Override
    public JobType type() {
        return JobType.VALUATION;
    }

    @Override
    public ObjectNode validate(JsonNode params, List<InvalidJobRequest.FieldProblem> problems) {
        ObjectNode object = PropertyJobs.object(params, problems);
        if (!problems.isEmpty()) {
            return object;
        }
        boolean byId = object.path("property_id").isTextual();
        boolean byAddress = object.path("address").isTextual();
        if (byId == byAddress) {
            problems.add(
                    new InvalidJobRequest.FieldProblem(
                            "params", "needs exactly one of property_id and address (strings)"));
        } else if (byId && !object.get("property_id").asText().matches("[A-Za-z0-9_-]{1,64}")) {
            problems.add(
                    new InvalidJobRequest.FieldProblem(
                            "params.property_id", "must be 1-64 of [A-Za-z0-9_-]"));
        } else if (byAddress && object.get("address").asText().isBlank()) {
            problems.add(new InvalidJobRequest.FieldProblem("params.address", "must not be blank"));
        }
        return object;
    }

    @Override
    public JobResult run(JobContext context) throws InterruptedException {
        ObjectNode params = context.params();
        context.throttle(1);
        Valuation valuation =
                params.has("property_id")
                        ? upstream.valuation(
                                params.get("property_id").asText(), context.requestId())
                        : upstream.valuationByAddress(
                                params.get("address").asText(), context.requestId());
        context.progress(1, 1);
        return context.inline(PropertyJobs.MODEL.valueToTree(valuation));
    }
}
