package dev.reapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.sandbox.data.AreaFacts;
import dev.reapi.sandbox.data.Geography;
import dev.reapi.sandbox.data.PropertyRecord;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code POST /v2/PropertySearch}, {@code /v2/PropertyDetail} and {@code /v2/PropertyDetailBulk}.
 */
final class V2PropertyRoutes {
    static final int MAX_BULK = 1_000;
    static final String NO_MATCH =
            "{\"error\":true,\"errorMessage\":\"No results found for this property.\"}";
    private static final double SCHOOL_RADIUS_MILES = 3.0;
    private static final double DEMOGRAPHICS_MAX_MILES = 50;

    private final Api api;
    private final AreaFacts facts;
    private final V2Search search;
    private final V2Lookup lookup;

    V2PropertyRoutes(Api api, AreaFacts facts) {
        this.api = api;
        this.facts = facts;
        this.search = new V2Search(api.data, facts);
        this.lookup = new V2Lookup(api.data);
    }

    V2Envelope.Answer search(Context ctx, String apiKey) {
        V2Search.Query q = search.parse(JsonBodies.read(ctx));
        List<PropertyRecord> all = search.run(q);
        if (q.count()) {
            return new V2Envelope.Answer("[]", all.size(), (long) q.resultIndex(), 0);
        }
        int from = Math.min(all.size(), q.resultIndex());
        List<PropertyRecord> page = all.subList(from, Math.min(all.size(), from + q.size()));
        JsonOut out = new JsonOut((q.idsOnly() ? 12 : 800) * page.size() + 8);
        out.beginArray();
        int today = api.today();
        Geography g = api.data.geography();
        for (PropertyRecord p : page) {
            if (q.idsOnly()) {
                out.value(p.id());
            } else {
                out.beginObject();
                V2Json.summary(out, p, g, facts.valuation(p).estimate(), today);
                out.endObject();
            }
        }
        out.endArray();
        return new V2Envelope.Answer(
                out.toString(), all.size(), (long) q.resultIndex(), page.size());
    }

    V2Envelope.Answer detail(Context ctx, String apiKey) {
        JsonNode body = JsonBodies.object(JsonBodies.read(ctx), "");
        JsonBodies.onlyFields(body, "", Set.of("id", "address", "apn"));
        Optional<PropertyRecord> found = one(body, true);
        if (found.isEmpty()) {
            return V2Envelope.Answer.single(NO_MATCH, 0);
        }
        PropertyRecord p = found.get();
        Geography g = api.data.geography();
        JsonOut out = new JsonOut(3_000);
        out.beginObject();
        V2Json.summary(out, p, g, facts.valuation(p).estimate(), api.today());
        V2Json.detail(out, p);
        out.name("demographics");
        Optional<Integer> zip = g.nearest(p.lat(), p.lng(), DEMOGRAPHICS_MAX_MILES);
        if (zip.isPresent()) {
            V2Json.demographics(out, facts.demographics(zip.get()), g);
        } else {
            out.nullValue();
        }
        out.name("schools");
        V2Json.schools(out, facts.schoolsNear(p.lat(), p.lng(), SCHOOL_RADIUS_MILES));
        return V2Envelope.Answer.single(out.endObject().toString(), 1);
    }

    /**
     * The property named by exactly one of {@code id}, {@code address} or (when allowed) {@code
     * apn}; empty when nothing matches.
     */
    Optional<PropertyRecord> one(JsonNode body, boolean apnAllowed) {
        int given =
                (body.has("id") ? 1 : 0)
                        + (body.has("address") ? 1 : 0)
                        + (apnAllowed && body.has("apn") ? 1 : 0);
        if (given != 1) {
            throw V2Problem.badRequest(
                    "id",
                    "give exactly one of id" + (apnAllowed ? ", address or apn" : " or address"));
        }
        if (body.has("id")) {
            return lookup.byId(V2Lookup.id(body.get("id"), "id"));
        }
        if (body.has("address")) {
            String address = JsonBodies.string(body.get("address"), "address");
            if (address.length() < 5 || address.length() > 200) {
                throw V2Problem.badRequest("address", "must be 5 to 200 characters");
            }
            return lookup.byAddress(address);
        }
        return lookup.byApn(JsonBodies.string(body.get("apn"), "apn"));
    }

    V2Envelope.Answer bulk(Context ctx, String apiKey) {
        JsonNode body = JsonBodies.object(JsonBodies.read(ctx), "");
        JsonBodies.onlyFields(body, "", Set.of("ids"));
        JsonNode ids = body.get("ids");
        if (ids == null) {
            throw V2Problem.badRequest("ids", "is required");
        }
        if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_BULK) {
            throw V2Problem.badRequest("ids", "must be an array of 1 to " + MAX_BULK + " ids");
        }
        Set<Long> unique = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            unique.add(V2Lookup.id(ids.get(i), "ids[" + i + "]"));
        }
        List<PropertyRecord> found = new ArrayList<>(unique.size());
        for (long id : unique) {
            api.data.find(id).ifPresent(found::add);
        }
        Collections.shuffle(found, shuffler(unique));
        Geography g = api.data.geography();
        int today = api.today();
        JsonOut out = new JsonOut(1_000 * found.size() + 8);
        out.beginArray();
        for (PropertyRecord p : found) {
            out.beginObject();
            V2Json.summary(out, p, g, facts.valuation(p).estimate(), today);
            V2Json.detail(out, p);
            out.endObject();
        }
        out.endArray();
        return new V2Envelope.Answer(out.toString(), found.size(), null, found.size());
    }

    /** Seeded by the sandbox seed and the requested set: the same request, the same order. */
    private SplittableRandom shuffler(Set<Long> ids) {
        long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
        return new SplittableRandom(
                api.data.generator().seed() * 0x9E3779B97F4A7C15L + Arrays.hashCode(sorted));
    }
}
