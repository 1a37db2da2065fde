package dev.reapi.gateway.application.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.domain.job.ExportFormat;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobType;
import java.util.List;
import java.util.Objects;

/**
 * {@code search} and {@code export} jobs: follow a search's pages upstream. A search job keeps the
 * properties inline (params {@code search}, {@code max_records} default 1,000, at most 10,000); an
 * export writes them to a CSV or NDJSON file (params {@code search}, {@code format} default {@code
 * ndjson}, {@code max_records} default 10,000, at most 100,000). Thread-safe.
 */
public final class SearchJobHandler implements JobHandler {

    private final PropertySource upstream;
    private final boolean export;

    private SearchJobHandler(PropertySource upstream, boolean export) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.export = export;
    }

    /** The {@code search} handler. */
    public static SearchJobHandler search(PropertySource upstream) {
        return new SearchJobHandler(upstream, false);
    }

    /** The {@code export} handler. */
    public static SearchJobHandler export(PropertySource upstream) {
        return new SearchJobHandler(upstream, true);
    }

    @Override
    public JobType type() {
        return export ? JobType.EXPORT : JobType.SEARCH;
    }

    @Override
    public ObjectNode validate(JsonNode params, List<InvalidJobRequest.FieldProblem> problems) {
        ObjectNode object = PropertyJobs.object(params, problems);
        if (!problems.isEmpty()) {
            return object;
        }
        PropertyJobs.search(object, problems);
        PropertyJobs.bounded(object, "max_records", 1000, export ? 100_000 : 10_000, problems);
        if (export) {
            String format = object.path("format").asText("ndjson");
            if (ExportFormat.fromKey(format).isEmpty()) {
                problems.add(
                        new InvalidJobRequest.FieldProblem(
                                "params.format", "must be csv or ndjson"));
            }
        }
        return object;
    }

    @Override
    public JobResult run(JobContext context) throws InterruptedException {
        ObjectNode params = context.params();
        SearchRequest request = PropertyJobs.search(params, new java.util.ArrayList<>());
        int max = params.path("max_records").asInt(export ? 10_000 : 1000);
        if (!export) {
            ArrayNode properties = PropertyJobs.MODEL.createArrayNode();
            long count =
                    PropertyJobs.pageThrough(
                            upstream,
                            context,
                            request,
                            max,
                            p -> properties.add(PropertyJobs.MODEL.valueToTree(p)));
            ObjectNode result = PropertyJobs.MODEL.createObjectNode();
            result.put("count", count);
            result.set("properties", properties);
            return context.inline(result);
        }
        ExportFormat format =
                ExportFormat.fromKey(params.path("format").asText("ndjson")).orElseThrow();
        try (var file = context.resultFile(format)) {
            PropertyJobs.pageThrough(
                    upstream,
                    context,
                    request,
                    max,
                    p -> file.append(PropertyJobs.MODEL.valueToTree(p).toString()));
            return file.commit();
        }
    }
}
