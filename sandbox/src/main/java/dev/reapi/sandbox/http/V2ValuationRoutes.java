package dev.reapi.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.sandbox.data.AreaFacts;
import dev.reapi.sandbox.data.Geography;
import dev.reapi.sandbox.data.PropertyRecord;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code POST /v2/PropertyAvm}, {@code /v2/PropertyAvmBulk} and {@code /v2/PropertyComps}. */
final class V2ValuationRoutes {
    static final int MAX_AVM_BULK = 100;
    private static final int MAX_COMPS = 10;
    private static final double COMPS_RADIUS_MILES = 5;
    private static final double JITTER_MILES = 2;

    private final Api api;
    private final AreaFacts facts;
    private final V2PropertyRoutes properties;
    private final V2Lookup lookup;

    V2ValuationRoutes(Api api, AreaFacts facts, V2PropertyRoutes properties) {
        this.api = api;
        this.facts = facts;
        this.properties = properties;
        this.lookup = new V2Lookup(api.data);
    }

    V2Envelope.Answer avm(Context ctx, String apiKey) {
        JsonNode body = JsonBodies.object(JsonBodies.read(ctx), "");
        JsonBodies.onlyFields(body, "", Set.of("id", "address"));
        Optional<PropertyRecord> found = properties.one(body, false);
        if (found.isEmpty()) {
            return V2Envelope.Answer.single(V2PropertyRoutes.NO_MATCH, 0);
        }
        JsonOut out = new JsonOut(400).beginObject();
        PropertyRecord p = found.get();
        V2Json.avm(out, p, api.data.geography(), facts.valuation(p), api.today());
        return V2Envelope.Answer.single(out.endObject().toString(), 1);
    }

    V2Envelope.Answer avmBulk(Context ctx, String apiKey) throws JsonProcessingException {
        JsonNode body = JsonBodies.object(JsonBodies.read(ctx), "");
        JsonBodies.onlyFields(body, "", Set.of("properties"));
        JsonNode items = body.get("properties");
        if (items == null) {
            throw V2Problem.badRequest("properties", "is required");
        }
        if (!items.isArray() || items.isEmpty() || items.size() > MAX_AVM_BULK) {
            throw V2Problem.badRequest(
                    "properties", "must be an array of 1 to " + MAX_AVM_BULK + " items");
        }
        for (int i = 0; i < items.size(); i++) {
            validateItem(items.get(i), "properties[" + i + "]");
        }
        StringBuilder sb = new StringBuilder(400 * items.size() + 8).append('[');
        long found = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"input\":").append(JsonBodies.MAPPER.writeValueAsString(item));
            ItemResult result = itemResult(item);
            found += result.found() ? 1 : 0;
            String rest = result.json();
            sb.append(',').append(rest, 1, rest.length());
        }
        return new V2Envelope.Answer(sb.append(']').toString(), found, null, found);
    }

    private static void validateItem(JsonNode item, String path) {
        JsonBodies.object(item, path);
        JsonBodies.onlyFields(item, path, Set.of("id", "address", "key", "strict"));
        if (item.has("id") == item.has("address")) {
            throw V2Problem.badRequest(path, "give exactly one of id or address");
        }
        if (item.has("id")) {
            V2Lookup.id(item.get("id"), path + ".id");
        } else {
            JsonBodies.string(item.get("address"), path + ".address");
        }
        if (item.has("key")) {
            JsonBodies.string(item.get("key"), path + ".key");
        }
        if (item.has("strict") && !item.get("strict").isBoolean()) {
            throw V2Problem.badRequest(path + ".strict", "must be true or false");
        }
    }

    /**
     * One item's answer.
     *
     * @param json a JSON object: the valuation or the vendor's per-item failure
     * @param found whether it is a valuation (and so billed)
     */
    private record ItemResult(String json, boolean found) {}

    private ItemResult itemResult(JsonNode item) {
        Optional<PropertyRecord> p;
        if (item.has("id")) {
            p = lookup.byId(V2Lookup.id(item.get("id"), "id"));
        } else {
            String address = item.get("address").asText();
            if (!V2Lookup.wellFormed(address)) {
                return new ItemResult(
                        failure("Invalid address format. Missing city and state, or zip."), false);
            }
            p = lookup.byAddress(address);
        }
        if (p.isEmpty()) {
            return new ItemResult(failure("No results found"), false);
        }
        JsonOut out = new JsonOut(400).beginObject();
        V2Json.avm(out, p.get(), api.data.geography(), facts.valuation(p.get()), api.today());
        return new ItemResult(out.endObject().toString(), true);
    }

    private static String failure(String message) {
        return new JsonOut(80)
                .beginObject()
                .name("error")
                .value(true)
                .field("errorMessage", message)
                .endObject()
                .toString();
    }

    V2Envelope.Answer comps(Context ctx, String apiKey) {
        JsonNode body = JsonBodies.object(JsonBodies.read(ctx), "");
        JsonBodies.onlyFields(body, "", Set.of("id", "address"));
        PropertyRecord subject =
                properties
                        .one(body, false)
                        .orElseThrow(
                                () -> V2Problem.notFound("The subject property was not found."));
        List<PropertyRecord> comps = compsOf(subject);
        Geography g = api.data.geography();
        int z = subject.zipIndex();
        JsonOut out = new JsonOut(600 * comps.size() + 400).beginObject();
        out.name("subject")
                .beginObject()
                .field("id", subject.id())
                .field("address", subject.street())
                .field("city", g.city(z))
                .field("state", g.state(z))
                .field("zip", g.zip(z))
                .field("bedrooms", subject.beds())
                .field("bathrooms", subject.baths())
                .field("squareFeet", subject.livingAreaSqft())
                .field("estimatedValue", facts.valuation(subject).estimate())
                .endObject();
        out.name("comps").beginArray();
        for (PropertyRecord c : comps) {
            out.beginObject()
                    .field("id", c.id())
                    .field("bedrooms", c.beds())
                    .field("bathrooms", c.baths())
                    .field("squareFeet", c.livingAreaSqft())
                    .field("lotSquareFeet", c.lotSizeSqft())
                    .field("yearBuilt", c.yearBuilt())
                    .field("estimatedValue", facts.valuation(c).estimate())
                    .field("lastSaleDate", Times.date(c.market().lastSaleDay()))
                    .field("lastSaleAmount", c.market().lastSalePrice())
                    .field("latitude", c.lat())
                    .field("longitude", c.lng())
                    .field("apn", V2Json.apn(c.id()))
                    .field("propertyType", V2Json.type(c.type()))
                    .field("distanceMiles", round2(distance(subject, c)))
                    .endObject();
        }
        out.endArray().endObject();
        return new V2Envelope.Answer(out.toString(), comps.size(), null, comps.size());
    }

    /** Same type, sold at least once, within the radius; nearest first, ties by id. */
    private List<PropertyRecord> compsOf(PropertyRecord subject) {
        Geography g = api.data.geography();
        List<PropertyRecord> found = new ArrayList<>();
        for (int zip :
                g.zipsWithin(subject.lat(), subject.lng(), COMPS_RADIUS_MILES + JITTER_MILES)) {
            for (long id : api.data.idsOfZip(zip)) {
                PropertyRecord c = api.data.current(id);
                if (id != subject.id()
                        && c.type().equals(subject.type())
                        && c.market().lastSaleDay() != PropertyRecord.NO_DATE
                        && distance(subject, c) <= COMPS_RADIUS_MILES) {
                    found.add(c);
                }
            }
        }
        found.sort(
                Comparator.<PropertyRecord>comparingDouble(c -> distance(subject, c))
                        .thenComparingLong(PropertyRecord::id));
        return found.subList(0, Math.min(MAX_COMPS, found.size()));
    }

    private static double distance(PropertyRecord a, PropertyRecord b) {
        return Geography.distanceMiles(a.lat(), a.lng(), b.lat(), b.lng());
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
