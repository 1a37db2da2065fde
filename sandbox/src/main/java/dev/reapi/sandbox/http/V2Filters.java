package dev.reapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.sandbox.data.AreaFacts;
import dev.reapi.sandbox.data.MarketState;
import dev.reapi.sandbox.data.PropertyRecord;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** The PropertySearch filters of {@code /v2}, in the vendor's names; inclusive bounds. */
final class V2Filters {
    static final Set<String> NAMES =
            Set.of(
                    "beds_min",
                    "beds_max",
                    "baths_min",
                    "baths_max",
                    "building_size_min",
                    "building_size_max",
                    "lot_size_min",
                    "lot_size_max",
                    "year_built_min",
                    "year_built_max",
                    "value_min",
                    "value_max",
                    "property_type",
                    "mls_active",
                    "mls_pending",
                    "mls_sold");
    private static final Set<String> TYPES =
            Set.of("SFR", "CONDO", "MFR", "LAND", "MOBILE", "OTHER");

    private V2Filters() {}

    /** The conjunction of every filter in {@code body}; matches everything when none is given. */
    static Predicate<PropertyRecord> parse(JsonNode body, AreaFacts facts) {
        Predicate<PropertyRecord> all = p -> true;
        all = all.and(range(body, "beds", 0, 99, PropertyRecord::beds));
        all = all.and(range(body, "baths", 0, 99, PropertyRecord::baths));
        all = all.and(range(body, "building_size", 0, 1e9, PropertyRecord::livingAreaSqft));
        all = all.and(range(body, "lot_size", 0, 1e10, PropertyRecord::lotSizeSqft));
        all = all.and(range(body, "year_built", 0, 2100, PropertyRecord::yearBuilt));
        all = all.and(range(body, "value", 0, 1e13, p -> facts.valuation(p).estimate()));
        if (body.has("property_type")) {
            String type = JsonBodies.string(body.get("property_type"), "property_type");
            if (!TYPES.contains(type)) {
                throw V2Problem.badRequest(
                        "property_type", "must be one of SFR, CONDO, MFR, LAND, MOBILE, OTHER");
            }
            all = all.and(p -> V2Json.type(p.type()).equals(type));
        }
        Set<String> statuses = new HashSet<>();
        if (V2Search.flag(body, "mls_active")) {
            statuses.add(MarketState.ACTIVE);
        }
        if (V2Search.flag(body, "mls_pending")) {
            statuses.add(MarketState.PENDING);
        }
        if (V2Search.flag(body, "mls_sold")) {
            statuses.add(MarketState.SOLD);
        }
        if (!statuses.isEmpty()) {
            all = all.and(p -> statuses.contains(p.market().status()));
        }
        return all;
    }

    private static Predicate<PropertyRecord> range(
            JsonNode body,
            String name,
            double min,
            double max,
            ToDoubleFunction<PropertyRecord> f) {
        String lowName = name + "_min";
        String highName = name + "_max";
        double low =
                body.has(lowName)
                        ? JsonBodies.number(body.get(lowName), lowName, min, max, false)
                        : Double.NEGATIVE_INFINITY;
        double high =
                body.has(highName)
                        ? JsonBodies.number(body.get(highName), highName, min, max, false)
                        : Double.POSITIVE_INFINITY;
        if (low > high) {
            throw V2Problem.badRequest(highName, "must be >= " + lowName);
        }
        if (low == Double.NEGATIVE_INFINITY && high == Double.POSITIVE_INFINITY) {
            return p -> true;
        }
        return p -> {
            double v = f.applyAsDouble(p);
            return v >= low && v <= high;
        };
    }
}
