package dev.reapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.sandbox.data.PropertyIds;
import dev.reapi.sandbox.data.PropertyRecord;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code GET /v1/properties/{id}} and {@code POST /v1/properties/bulk}. */
final class PropertyRoutes {
    static final Pattern ID_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_BULK = 1_000;

    private final Api api;

    PropertyRoutes(Api api) {
        this.api = api;
    }

    Api.Answer get(Context ctx) {
        PropertyRecord p = require(ctx.pathParam("id"));
        JsonOut out = new JsonOut(1_024);
        PropertyJson.write(out, p, api.data.geography(), api.today());
        return new Api.Answer(out.toString(), 1);
    }

    /** The property with this wire id, or a 400 (malformed) / 404 (unknown) problem. */
    PropertyRecord require(String wireId) {
        if (!ID_SHAPE.matcher(wireId).matches()) {
            throw ApiProblem.badRequest("id", "must be 1 to 64 letters, digits, '_' or '-'");
        }
        OptionalLong id = PropertyIds.parse(wireId);
        return (id.isEmpty() ? Optional.<PropertyRecord>empty() : api.data.find(id.getAsLong()))
                .orElseThrow(
                        () ->
                                ApiProblem.of(
                                        404,
                                        "not-found",
                                        "Not found",
                                        "No property " + wireId + "."));
    }

    Api.Answer bulk(Context ctx) {
        JsonNode body = JsonBodies.object(JsonBodies.read(ctx), "");
        JsonBodies.onlyFields(body, "", Set.of("ids"));
        JsonNode ids = body.get("ids");
        if (ids == null) {
            throw ApiProblem.badRequest("ids", "is required");
        }
        if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_BULK) {
            throw ApiProblem.badRequest("ids", "must be an array of 1 to " + MAX_BULK + " ids");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (!id.isTextual() || !ID_SHAPE.matcher(id.asText()).matches()) {
                throw ApiProblem.badRequest(
                        "ids[" + i + "]",
                        "must be a string of 1 to 64 letters, digits, '_' or '-'");
            }
            unique.add(id.asText());
        }
        List<String> missing = new ArrayList<>();
        JsonOut out = new JsonOut(900 * unique.size() + 64);
        out.beginObject().name("properties").beginArray();
        long found = 0;
        int today = api.today();
        for (String wire : unique) {
            OptionalLong id = PropertyIds.parse(wire);
            Optional<PropertyRecord> p =
                    id.isPresent() ? api.data.find(id.getAsLong()) : Optional.empty();
            if (p.isPresent()) {
                PropertyJson.write(out, p.get(), api.data.geography(), today);
                found++;
            } else {
                missing.add(wire);
            }
        }
        out.endArray().name("missing").beginArray();
        missing.forEach(out::value);
        out.endArray().endObject();
        return new Api.Answer(out.toString(), found);
    }
}
