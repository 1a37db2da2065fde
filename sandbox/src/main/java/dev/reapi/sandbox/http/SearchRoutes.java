package dev.reapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.sandbox.data.Dataset;
import dev.reapi.sandbox.data.PropertyRecord;
import dev.reapi.sandbox.data.Search;
import dev.reapi.sandbox.data.SearchQuery;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code POST /v1/properties/search} and {@code GET /v1/properties/updated}. */
final class SearchRoutes {
    private final Api api;
    private final Search search;

    SearchRoutes(Api api) {
        this.api = api;
        this.search = new Search(api.data);
    }

    Api.Answer search(Context ctx) {
        JsonNode body = JsonBodies.read(ctx);
        SearchQuery q = SearchRequests.parse(body);
        int limit = 50;
        String cursor = null;
        JsonNode pagination = body.get("pagination");
        if (pagination != null) {
            JsonBodies.object(pagination, "pagination");
            JsonBodies.onlyFields(pagination, "pagination", Set.of("limit", "cursor"));
            if (pagination.has("limit")) {
                limit =
                        (int)
                                JsonBodies.integer(
                                        pagination.get("limit"), "pagination.limit", 1, 250);
            }
            if (pagination.has("cursor")) {
                cursor = JsonBodies.string(pagination.get("cursor"), "pagination.cursor");
            }
        }
        String queryHash = queryHash((ObjectNode) body);
        Search.Position after = cursor == null ? null : searchCursor(cursor, queryHash);
        Search.Page page = search.run(q, after, limit);
        String next =
                page.last() == null
                        ? null
                        : Cursors.encode(
                                "s1:"
                                        + queryHash
                                        + ":"
                                        + Long.toHexString(
                                                Double.doubleToLongBits(page.last().value()))
                                        + ":"
                                        + page.last().id());
        JsonOut out = new JsonOut(900 * page.properties().size() + 64);
        out.beginObject();
        writeProperties(out, page.properties());
        out.field("total", page.total());
        writeCursor(out, next);
        return new Api.Answer(out.endObject().toString(), page.properties().size());
    }

    private static Search.Position searchCursor(String cursor, String queryHash) {
        if (cursor.isEmpty() || cursor.length() > 200) {
            throw ApiProblem.badRequest("pagination.cursor", "must be 1 to 200 characters");
        }
        String[] parts =
                Cursors.decode(cursor, "s1", 4)
                        .orElseThrow(
                                () ->
                                        ApiProblem.badRequest(
                                                "pagination.cursor",
                                                "is not a cursor of this API"));
        if (!parts[1].equals(queryHash)) {
            throw ApiProblem.badRequest("pagination.cursor", "belongs to another query");
        }
        try {
            return new Search.Position(
                    Double.longBitsToDouble(Long.parseUnsignedLong(parts[2], 16)),
                    Long.parseLong(parts[3]));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("pagination.cursor", "is not a cursor of this API");
        }
    }

    /** A stable hash of everything but the pagination: a cursor is bound to its query. */
    private static String queryHash(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("pagination");
        long h = 0xcbf29ce484222325L;
        for (byte b : copy.toString().getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return Long.toHexString(h);
    }

    Api.Answer updated(Context ctx) {
        String sinceRaw = ctx.queryParam("since");
        if (sinceRaw == null) {
            throw ApiProblem.badRequest("since", "is required");
        }
        long since;
        try {
            OffsetDateTime t = OffsetDateTime.parse(sinceRaw);
            since = t.toEpochSecond() + (t.getNano() > 0 ? 1 : 0);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(
                    "since", "must be an RFC 3339 date-time, e.g. 2026-11-30T08:15:00Z");
        }
        int limit = (int) QueryParams.integer(ctx, "limit", 100, 1, 1_000);
        String cursor = ctx.queryParam("cursor");
        Dataset.FeedKey after = cursor == null ? null : feedCursor(cursor);
        Dataset.FeedPage page = api.data.updated(since, after, limit);
        JsonOut out = new JsonOut(900 * page.properties().size() + 64);
        out.beginObject();
        writeProperties(out, page.properties());
        writeCursor(
                out,
                page.next() == null
                        ? null
                        : Cursors.encode("u1:" + page.next().updatedAt() + ":" + page.next().id()));
        return new Api.Answer(out.endObject().toString(), page.properties().size());
    }

    private static Dataset.FeedKey feedCursor(String cursor) {
        if (cursor.isEmpty() || cursor.length() > 200) {
            throw ApiProblem.badRequest("cursor", "must be 1 to 200 characters");
        }
        String[] parts =
                Cursors.decode(cursor, "u1", 3)
                        .orElseThrow(
                                () ->
                                        ApiProblem.badRequest(
                                                "cursor", "is not a cursor of this API"));
        try {
            return new Dataset.FeedKey(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("cursor", "is not a cursor of this API");
        }
    }

    private void writeProperties(JsonOut out, List<PropertyRecord> properties) {
        int today = api.today();
        out.name("properties").beginArray();
        for (PropertyRecord p : properties) {
            PropertyJson.write(out, p, api.data.geography(), today);
        }
        out.endArray();
    }

    private static void writeCursor(JsonOut out, @Nullable String next) {
        out.name("next_cursor");
        if (next == null) {
            out.nullValue();
        } else {
            out.value(next);
        }
    }
}
