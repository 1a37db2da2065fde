package dev.reapi.gateway.application.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.client.model.ModelJson;
import dev.reapi.client.model.Pagination;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.gateway.application.port.out.PropertySource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Parameter checks and upstream paging shared by the property job handlers. */
final class PropertyJobs {

    /** The most ids an enrich or refresh job takes. */
    static final int MAX_IDS = 10_000;

    /** The most ids one upstream bulk call takes. */
    static final int BULK_SIZE = 1_000;

    static final ObjectMapper MODEL = ModelJson.newMapper();

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private PropertyJobs() {}

    /** The distinct ids in {@code params.ids}, in order; problems name the field. */
    static List<String> ids(JsonNode params, List<InvalidJobRequest.FieldProblem> problems) {
        JsonNode ids = params.path("ids");
        if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_IDS) {
            problems.add(
                    new InvalidJobRequest.FieldProblem(
                            "params.ids", "must be an array of 1 to " + MAX_IDS + " property ids"));
            return List.of();
        }
        var distinct = new LinkedHashSet<String>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (!id.isTextual() || !ID.matcher(id.asText()).matches()) {
                problems.add(
                        new InvalidJobRequest.FieldProblem(
                                "params.ids[" + i + "]", "must be 1-64 of [A-Za-z0-9_-]"));
                return List.of();
            }
            distinct.add(id.asText());
        }
        return List.copyOf(distinct);
    }

    /** The search in {@code params.search}, or null with a problem when it is not one. */
    static SearchRequest search(JsonNode params, List<InvalidJobRequest.FieldProblem> problems) {
        JsonNode search = params.path("search");
        if (!search.isObject() || !search.path("location").isObject()) {
            problems.add(
                    new InvalidJobRequest.FieldProblem(
                            "params.search", "must be a search request with a location"));
            return SearchRequest.city("x", "XX");
        }
        try {
            return MODEL.treeToValue(search, SearchRequest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            problems.add(
                    new InvalidJobRequest.FieldProblem(
                            "params.search", "is not a valid search request: " + firstLine(e)));
            return SearchRequest.city("x", "XX");
        }
    }

    /** {@code params.<field>} as an int from 1 to {@code max}, or {@code fallback} when absent. */
    static int bounded(
            JsonNode params,
            String field,
            int fallback,
            int max,
            List<InvalidJobRequest.FieldProblem> problems) {
        JsonNode value = params.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToInt() || value.asInt() < 1 || value.asInt() > max) {
            problems.add(
                    new InvalidJobRequest.FieldProblem(
                            "params." + field, "must be an integer from 1 to " + max));
            return fallback;
        }
        return value.asInt();
    }

    /** A params object, or a problem when the submitted value is not an object. */
    static ObjectNode object(JsonNode params, List<InvalidJobRequest.FieldProblem> problems) {
        if (!params.isObject()) {
            problems.add(new InvalidJobRequest.FieldProblem("params", "must be a JSON object"));
            return MODEL.createObjectNode();
        }
        return (ObjectNode) params;
    }

    /**
     * Pages through a search, up to {@code max} properties, one throttled upstream call per page.
     *
     * @return how many properties were passed to {@code sink}
     */
    static long pageThrough(
            PropertySource upstream,
            JobContext context,
            SearchRequest request,
            int max,
            Consumer<Property> sink)
            throws InterruptedException {
        long seen = 0;
        String cursor = null;
        do {
            int limit = (int) Math.min(Pagination.MAX_LIMIT, max - seen);
            SearchRequest page =
                    new SearchRequest(
                            request.location(),
                            request.filters(),
                            request.sort(),
                            new Pagination(limit, cursor));
            context.throttle(1);
            SearchPage answer = upstream.search(page, context.requestId());
            for (Property property : answer.properties()) {
                if (seen < max) {
                    sink.accept(property);
                    seen++;
                }
            }
            context.progress(seen, Math.min(answer.total(), max));
            cursor = answer.nextCursor();
        } while (cursor != null && seen < max);
        return seen;
    }

    /** Splits {@code ids} into upstream bulk calls. */
    static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BULK_SIZE) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + BULK_SIZE)));
        }
        return chunks;
    }

    static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse("");
    }
}
