package dev.reapi.gateway.application.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Property;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.domain.job.ExportFormat;
import dev.reapi.gateway.domain.job.JobResult;
import dev.reapi.gateway.domain.job.JobType;
import dev.reapi.gateway.domain.property.EnrichedProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code enrich} and {@code refresh} jobs over up to 10,000 property ids (param {@code ids}),
 * fetched upstream in bulk calls of 1,000, each waiting for the jobs' share of the upstream rate.
 *
 * <p>{@code enrich} writes one NDJSON row per property to the result file; with {@code
 * include_area: true} each row also carries valuation, demographics and schools, fetched through
 * the bounded parallel enrichment of the upstream adapter (three more calls per property). Ids that
 * do not exist get a row {@code {"id": ..., "missing": true}}. {@code refresh} re-reads the
 * properties and answers inline with the counts and the missing ids. Thread-safe.
 */
public final class BulkJobHandler implements JobHandler {

    private final PropertySource upstream;
    private final JobType type;

    private BulkJobHandler(PropertySource upstream, JobType type) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.type = type;
    }

    /** The {@code enrich} handler. */
    public static BulkJobHandler enrich(PropertySource upstream) {
        return new BulkJobHandler(upstream, JobType.ENRICH);
    }

    /** The {@code refresh} handler. */
    public static BulkJobHandler refresh(PropertySource upstream) {
        return new BulkJobHandler(upstream, JobType.REFRESH);
    }

    @Override
    public JobType type() {
        return type;
    }

    @Override
    public ObjectNode validate(JsonNode params, List<InvalidJobRequest.FieldProblem> problems) {
        ObjectNode object = PropertyJobs.object(params, problems);
        if (problems.isEmpty()) {
            PropertyJobs.ids(object, problems);
            JsonNode area = object.get("include_area");
            if (area != null && !area.isBoolean()) {
                problems.add(
                        new InvalidJobRequest.FieldProblem(
                                "params.include_area", "must be a boolean"));
            }
        }
        return object;
    }

    @Override
    public JobResult run(JobContext context) throws InterruptedException {
        List<String> ids = PropertyJobs.ids(context.params(), new ArrayList<>());
        boolean area = context.params().path("include_area").asBoolean(false);
        if (type == JobType.REFRESH) {
            return refresh(context, ids);
        }
        try (var file = context.resultFile(ExportFormat.NDJSON)) {
            long done = 0;
            for (List<String> chunk : PropertyJobs.chunks(ids)) {
                context.throttle(1);
                BulkResult result = upstream.bulk(chunk, context.requestId());
                for (Property property : result.properties()) {
                    file.append(row(context, property, area).toString());
                }
                for (String missing : result.missing()) {
                    file.append(
                            PropertyJobs.MODEL
                                    .createObjectNode()
                                    .put("id", missing)
                                    .put("missing", true)
                                    .toString());
                }
                done += chunk.size();
                context.progress(done, ids.size());
            }
            return file.commit();
        }
    }

    private ObjectNode row(JobContext context, Property property, boolean area)
            throws InterruptedException {
        if (!area) {
            return PropertyJobs.MODEL.valueToTree(property);
        }
        context.throttle(3);
        EnrichedProperty enriched = upstream.enrich(property, context.requestId());
        ObjectNode row = PropertyJobs.MODEL.valueToTree(property);
        row.set("valuation", PropertyJobs.MODEL.valueToTree(enriched.valuation().orElse(null)));
        row.set(
                "demographics",
                PropertyJobs.MODEL.valueToTree(enriched.demographics().orElse(null)));
        row.set("schools", PropertyJobs.MODEL.valueToTree(enriched.schools().orElse(null)));
        row.putPOJO("missing_parts", enriched.missing());
        return row;
    }

    private JobResult refresh(JobContext context, List<String> ids) throws InterruptedException {
        long found = 0;
        long done = 0;
        ArrayNode missing = PropertyJobs.MODEL.createArrayNode();
        for (List<String> chunk : PropertyJobs.chunks(ids)) {
            context.throttle(1);
            BulkResult result = upstream.bulk(chunk, context.requestId());
            found += result.properties().size();
            result.missing().forEach(missing::add);
            done += chunk.size();
            context.progress(done, ids.size());
        }
        ObjectNode summary = PropertyJobs.MODEL.createObjectNode();
        summary.put("requested", ids.size());
        summary.put("refreshed", found);
        summary.set("missing", missing);
        return context.inline(summary);
    }
}
