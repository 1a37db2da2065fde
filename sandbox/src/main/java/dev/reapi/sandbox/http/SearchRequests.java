package dev.reapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.sandbox.data.MarketState;
import dev.reapi.sandbox.data.SearchQuery;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Validates a {@code SearchRequest} body into a {@link SearchQuery}, field by field. */
final class SearchRequests {
    static final Set<String> TYPES =
            Set.of("single_family", "condo", "townhouse", "multi_family", "mobile_home", "land");
    private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern ZIP = Pattern.compile("[0-9]{5}");
    private static final Set<String> FILTERS =
            Set.of(
                    "price_min",
                    "price_max",
                    "beds_min",
                    "baths_min",
                    "property_types",
                    "statuses",
                    "sqft_min",
                    "sqft_max",
                    "year_built_min",
                    "year_built_max");
    private static final long MAX_INT = Integer.MAX_VALUE;
    private static final long MAX_MONEY = 1_000_000_000_000L;

    private SearchRequests() {}

    static SearchQuery parse(JsonNode body) {
        JsonBodies.object(body, "");
        JsonBodies.onlyFields(body, "", Set.of("location", "filters", "sort", "pagination"));
        JsonNode location = body.get("location");
        if (location == null) {
            throw ApiProblem.badRequest("location", "is required");
        }
        JsonNode filters = body.get("filters");
        JsonNode sort = body.get("sort");
        String field = "id";
        boolean descending = false;
        if (sort != null) {
            JsonBodies.object(sort, "sort");
            JsonBodies.onlyFields(sort, "sort", Set.of("field", "order"));
            if (!sort.has("field")) {
                throw ApiProblem.badRequest("sort.field", "is required");
            }
            field = JsonBodies.string(sort.get("field"), "sort.field");
            if (!SearchQuery.SORT_FIELDS.contains(field)) {
                throw ApiProblem.badRequest(
                        "sort.field",
                        "must be one of "
                                + String.join(
                                        ", ",
                                        "price",
                                        "beds",
                                        "baths",
                                        "living_area_sqft",
                                        "year_built",
                                        "updated_at",
                                        "id"));
            }
            if (sort.has("order")) {
                String order = JsonBodies.string(sort.get("order"), "sort.order");
                if (!order.equals("asc") && !order.equals("desc")) {
                    throw ApiProblem.badRequest("sort.order", "must be asc or desc");
                }
                descending = order.equals("desc");
            }
        }
        return new SearchQuery(
                location(location),
                filters == null ? SearchQuery.Filters.NONE : filters(filters),
                field,
                descending);
    }

    private static SearchQuery.Location location(JsonNode n) {
        JsonBodies.object(n, "location");
        JsonBodies.onlyFields(
                n, "location", Set.of("city", "state", "zip", "coordinates", "radius_miles"));
        boolean city = n.has("city") || n.has("state");
        boolean zip = n.has("zip");
        boolean circle = n.has("coordinates") || n.has("radius_miles");
        int shapes = (city ? 1 : 0) + (zip ? 1 : 0) + (circle ? 1 : 0);
        if (shapes != 1) {
            throw ApiProblem.badRequest(
                    "location",
                    shapes == 0
                            ? "give one of city with state, zip, or coordinates with radius_miles"
                            : "is ambiguous: give exactly one of city with state, zip, or"
                                    + " coordinates with radius_miles");
        }
        if (zip) {
            String z = JsonBodies.string(n.get("zip"), "location.zip");
            if (!ZIP.matcher(z).matches()) {
                throw ApiProblem.badRequest("location.zip", "must be five digits");
            }
            return new SearchQuery.Zip(z);
        }
        if (city) {
            String c = JsonBodies.string(required(n, "city", "location."), "location.city");
            String s = JsonBodies.string(required(n, "state", "location."), "location.state");
            if (c.isBlank() || c.length() > 80) {
                throw ApiProblem.badRequest("location.city", "must be 1 to 80 characters");
            }
            if (!STATE.matcher(s).matches()) {
                throw ApiProblem.badRequest("location.state", "must be a two-letter state code");
            }
            return new SearchQuery.City(c, s);
        }
        JsonNode coordinates =
                JsonBodies.object(required(n, "coordinates", "location."), "location.coordinates");
        JsonBodies.onlyFields(coordinates, "location.coordinates", Set.of("lat", "lng"));
        double lat =
                JsonBodies.number(
                        required(coordinates, "lat", "location.coordinates."),
                        "location.coordinates.lat",
                        -90,
                        90,
                        false);
        double lng =
                JsonBodies.number(
                        required(coordinates, "lng", "location.coordinates."),
                        "location.coordinates.lng",
                        -180,
                        180,
                        false);
        double radius =
                JsonBodies.number(
                        required(n, "radius_miles", "location."),
                        "location.radius_miles",
                        0,
                        50,
                        true);
        return new SearchQuery.Circle(lat, lng, radius);
    }

    private static SearchQuery.Filters filters(JsonNode n) {
        JsonBodies.object(n, "filters");
        JsonBodies.onlyFields(n, "filters", FILTERS);
        Long priceMin = integer(n, "price_min", 0, MAX_MONEY);
        Long priceMax = integer(n, "price_max", 0, MAX_MONEY);
        Long sqftMin = integer(n, "sqft_min", 0, MAX_INT);
        Long sqftMax = integer(n, "sqft_max", 0, MAX_INT);
        Long yearMin = integer(n, "year_built_min", 1700, 2100);
        Long yearMax = integer(n, "year_built_max", 1700, 2100);
        ordered(priceMin, priceMax, "filters.price_max", "filters.price_min");
        ordered(sqftMin, sqftMax, "filters.sqft_max", "filters.sqft_min");
        ordered(yearMin, yearMax, "filters.year_built_max", "filters.year_built_min");
        Double bathsMin =
                n.has("baths_min")
                        ? JsonBodies.number(n.get("baths_min"), "filters.baths_min", 0, 20, false)
                        : null;
        return new SearchQuery.Filters(
                priceMin,
                priceMax,
                integer(n, "beds_min", 0, 20),
                bathsMin,
                set(n, "property_types", TYPES),
                set(n, "statuses", MarketState.STATUSES),
                sqftMin,
                sqftMax,
                yearMin,
                yearMax);
    }

    private static @Nullable Long integer(JsonNode n, String name, long min, long max) {
        JsonNode v = n.get(name);
        return v == null ? null : JsonBodies.integer(v, "filters." + name, min, max);
    }

    private static void ordered(
            @Nullable Long min, @Nullable Long max, String maxField, String minField) {
        if (min != null && max != null && min > max) {
            throw ApiProblem.badRequest(maxField, "must be >= " + minField);
        }
    }

    private static @Nullable Set<String> set(JsonNode n, String name, Set<String> allowed) {
        JsonNode v = n.get(name);
        if (v == null) {
            return null;
        }
        String path = "filters." + name;
        if (!v.isArray() || v.isEmpty()) {
            throw ApiProblem.badRequest(path, "must be a non-empty array");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < v.size(); i++) {
            String item = JsonBodies.string(v.get(i), path + "[" + i + "]");
            if (!allowed.contains(item)) {
                throw ApiProblem.badRequest(
                        path + "[" + i + "]",
                        "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (!out.add(item)) {
                throw ApiProblem.badRequest(path + "[" + i + "]", "is a duplicate");
            }
        }
        return Set.copyOf(out);
    }

    private static JsonNode required(JsonNode n, String name, String prefix) {
        JsonNode v = n.get(name);
        if (v == null) {
            throw ApiProblem.badRequest(prefix + name, "is required");
        }
        return v;
    }
}
