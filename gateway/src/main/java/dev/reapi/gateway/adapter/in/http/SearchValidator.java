package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.Filters;
import dev.reapi.client.model.Location;
import dev.reapi.client.model.Pagination;
import dev.reapi.client.model.PropertyStatus;
import dev.reapi.client.model.PropertyType;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.Sort;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validates a search body by hand over the JSON tree, collecting one error per bad field (as a JSON
 * path) instead of stopping at the first, then builds the upstream request. Stateless.
 */
final class SearchValidator {

    private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern ZIP = Pattern.compile("[0-9]{5}");
    // Letters, spaces and the punctuation real place names use (St. Louis, Coeur d'Alene,
    // Winston-Salem): anything else is a typo or an attack, and the upstream would find nothing.
    private static final Pattern CITY = Pattern.compile("\\p{L}[\\p{L} .'-]*");
    private static final String LOCATION_RULE =
            "must include city and state, zip, or coordinates with radius_miles";

    /** The validated request, or a 400 problem listing every bad field. */
    SearchRequest validate(JsonNode body) {
        var errors = new Errors();
        if (!body.isObject()) {
            throw ProblemException.invalid("$", "expected a JSON object, was " + kind(body));
        }
        errors.onlyKnown(body, "", "location", "filters", "sort", "pagination");
        Location location = location(body.get("location"), errors);
        Filters filters = filters(body.get("filters"), errors);
        Sort sort = sort(body.get("sort"), errors);
        Pagination pagination = pagination(body.get("pagination"), errors);
        if (!errors.list.isEmpty() || location == null) {
            throw ProblemException.invalid(errors.list);
        }
        return new SearchRequest(location, filters, sort, pagination);
    }

    private static @Nullable Location location(@Nullable JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            errors.add("location", "is required; " + LOCATION_RULE);
            return null;
        }
        if (!errors.object(node, "location")) {
            return null;
        }
        errors.onlyKnown(node, "location", "city", "state", "zip", "coordinates", "radius_miles");
        boolean byCity = node.has("city") || node.has("state");
        boolean byZip = node.has("zip");
        boolean byPoint = node.has("coordinates") || node.has("radius_miles");
        int variants = (byCity ? 1 : 0) + (byZip ? 1 : 0) + (byPoint ? 1 : 0);
        if (variants != 1) {
            errors.add(
                    "location",
                    variants == 0
                            ? LOCATION_RULE
                            : "give exactly one of: city and state, zip, or coordinates with"
                                    + " radius_miles");
            return null;
        }
        int before = errors.list.size();
        if (byCity) {
            String city = errors.text(node, "city", "location.city", 1, 80, CITY);
            String state = errors.text(node, "state", "location.state", 2, 2, STATE);
            return errors.list.size() == before ? new Location.CityState(city, state) : null;
        }
        if (byZip) {
            String zip = errors.text(node, "zip", "location.zip", 5, 5, ZIP);
            return errors.list.size() == before ? new Location.Zip(zip) : null;
        }
        Coordinates point = coordinates(node.get("coordinates"), errors);
        Double radius =
                errors.number(node, "radius_miles", "location.radius_miles", 0, 50, true, true);
        return errors.list.size() == before && point != null && radius != null
                ? new Location.Radius(point, radius)
                : null;
    }

    private static @Nullable Coordinates coordinates(@Nullable JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            errors.add("location.coordinates", "is required with radius_miles");
            return null;
        }
        if (!errors.object(node, "location.coordinates")) {
            return null;
        }
        errors.onlyKnown(node, "location.coordinates", "lat", "lng");
        Double lat = errors.number(node, "lat", "location.coordinates.lat", -90, 90, false, true);
        Double lng = errors.number(node, "lng", "location.coordinates.lng", -180, 180, false, true);
        return lat != null && lng != null ? new Coordinates(lat, lng) : null;
    }

    private static @Nullable Filters filters(@Nullable JsonNode node, Errors errors) {
        if (node == null || node.isNull() || !errors.object(node, "filters")) {
            return null;
        }
        errors.onlyKnown(
                node,
                "filters",
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
        int before = errors.list.size();
        Long priceMin = errors.integer(node, "price_min", "filters", 0, Long.MAX_VALUE);
        Long priceMax = errors.integer(node, "price_max", "filters", 0, Long.MAX_VALUE);
        Long bedsMin = errors.integer(node, "beds_min", "filters", 0, 20);
        Double bathsMin =
                errors.number(node, "baths_min", "filters.baths_min", 0, 20, false, false);
        Set<PropertyType> types = errors.enumSet(node, "property_types", PropertyType.class);
        Set<PropertyStatus> statuses = errors.enumSet(node, "statuses", PropertyStatus.class);
        Long sqftMin = errors.integer(node, "sqft_min", "filters", 0, Integer.MAX_VALUE);
        Long sqftMax = errors.integer(node, "sqft_max", "filters", 0, Integer.MAX_VALUE);
        Long yearMin = errors.integer(node, "year_built_min", "filters", 1700, 2100);
        Long yearMax = errors.integer(node, "year_built_max", "filters", 1700, 2100);
        errors.ordered("filters.price_min", priceMin, "filters.price_max", priceMax);
        errors.ordered("filters.sqft_min", sqftMin, "filters.sqft_max", sqftMax);
        errors.ordered("filters.year_built_min", yearMin, "filters.year_built_max", yearMax);
        if (errors.list.size() != before) {
            return null;
        }
        return new Filters(
                priceMin,
                priceMax,
                toInt(bedsMin),
                bathsMin,
                types,
                statuses,
                toInt(sqftMin),
                toInt(sqftMax),
                toInt(yearMin),
                toInt(yearMax));
    }

    private static @Nullable Sort sort(@Nullable JsonNode node, Errors errors) {
        if (node == null || node.isNull() || !errors.object(node, "sort")) {
            return null;
        }
        errors.onlyKnown(node, "sort", "field", "order");
        Sort.Field field = errors.constant(node, "field", "sort.field", Sort.Field.class, true);
        Sort.Order order = errors.constant(node, "order", "sort.order", Sort.Order.class, false);
        return field == null ? null : new Sort(field, order == null ? Sort.Order.ASC : order);
    }

    private static @Nullable Pagination pagination(@Nullable JsonNode node, Errors errors) {
        if (node == null || node.isNull() || !errors.object(node, "pagination")) {
            return null;
        }
        errors.onlyKnown(node, "pagination", "limit", "cursor");
        int before = errors.list.size();
        Long limit = errors.integer(node, "limit", "pagination", 1, Pagination.MAX_LIMIT);
        String cursor =
                node.has("cursor")
                        ? errors.text(node, "cursor", "pagination.cursor", 1, 200, null)
                        : null;
        if (errors.list.size() != before) {
            return null;
        }
        return new Pagination(limit == null ? Pagination.DEFAULT_LIMIT : limit.intValue(), cursor);
    }

    private static @Nullable Integer toInt(@Nullable Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** The errors found so far and the typed readers that add to them. */
    private static final class Errors {
        final List<Problem.FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new Problem.FieldError(field, message));
        }

        boolean object(JsonNode node, String field) {
            if (node.isObject()) {
                return true;
            }
            add(field, "expected an object, was " + kind(node));
            return false;
        }

        void onlyKnown(JsonNode node, String prefix, String... known) {
            Set<String> allowed = Set.of(known);
            node.fieldNames()
                    .forEachRemaining(
                            name -> {
                                if (!allowed.contains(name)) {
                                    add(
                                            prefix.isEmpty() ? name : prefix + "." + name,
                                            "unknown field; expected one of " + List.of(known));
                                }
                            });
        }

        @Nullable String text(
                JsonNode parent,
                String name,
                String field,
                int min,
                int max,
                @Nullable Pattern pattern) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                add(field, "is required");
                return null;
            }
            if (!node.isTextual()) {
                add(field, "expected a string, was " + kind(node));
                return null;
            }
            String value = node.textValue();
            if (value.isBlank() || value.length() < min || value.length() > max) {
                add(
                        field,
                        min == max
                                ? "must be " + min + " characters"
                                : "must be " + min + ".." + max + " characters, not blank");
                return null;
            }
            if (pattern != null && !pattern.matcher(value).matches()) {
                add(field, patternMessage(field));
                return null;
            }
            return value;
        }

        @Nullable Double number(
                JsonNode parent,
                String name,
                String field,
                double min,
                double max,
                boolean exclusiveMin,
                boolean required) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    add(field, "is required");
                }
                return null;
            }
            if (!node.isNumber()) {
                add(field, "expected a number, was " + kind(node));
                return null;
            }
            double value = node.doubleValue();
            boolean low = exclusiveMin ? !(value > min) : !(value >= min);
            if (low || !(value <= max) || Double.isInfinite(value)) {
                add(
                        field,
                        "must be in "
                                + (exclusiveMin ? "(" : "[")
                                + fmt(min)
                                + ", "
                                + fmt(max)
                                + "]");
                return null;
            }
            return value;
        }

        @Nullable Long integer(JsonNode parent, String name, String prefix, long min, long max) {
            String field = prefix + "." + name;
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber()) {
                add(
                        field,
                        "expected an integer, was "
                                + (node.isNumber() ? "a fraction" : kind(node)));
                return null;
            }
            if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
                add(field, "must be in " + min + ".." + max);
                return null;
            }
            return node.longValue();
        }

        <E extends Enum<E>> @Nullable Set<E> enumSet(JsonNode parent, String name, Class<E> type) {
            String field = "filters." + name;
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isArray() || node.isEmpty()) {
                add(field, "expected a non-empty array of " + names(type));
                return null;
            }
            EnumSet<E> values = EnumSet.noneOf(type);
            int before = list.size();
            for (int i = 0; i < node.size(); i++) {
                E value = constant(node, i, field + "[" + i + "]", type);
                if (value != null && !values.add(value)) {
                    add(field + "[" + i + "]", "duplicate value");
                }
            }
            return list.size() == before ? values : null;
        }

        <E extends Enum<E>> @Nullable E constant(
                JsonNode parent, String name, String field, Class<E> type, boolean required) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    add(field, "is required; one of " + names(type));
                }
                return null;
            }
            return parse(node, field, type);
        }

        private <E extends Enum<E>> @Nullable E constant(
                JsonNode array, int index, String field, Class<E> type) {
            return parse(array.get(index), field, type);
        }

        private <E extends Enum<E>> @Nullable E parse(JsonNode node, String field, Class<E> type) {
            if (node.isTextual()) {
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().toLowerCase(Locale.ROOT).equals(node.textValue())) {
                        return constant;
                    }
                }
            }
            add(field, "must be one of " + names(type));
            return null;
        }

        private static String patternMessage(String field) {
            if (field.endsWith("zip")) {
                return "must be five digits";
            }
            if (field.endsWith("city")) {
                return "must be letters, spaces and . ' - only";
            }
            return "must be two letters";
        }

        void ordered(String minField, @Nullable Long min, String maxField, @Nullable Long max) {
            if (min != null && max != null && min > max) {
                add(minField, "must not exceed " + maxField + " (" + min + " > " + max + ")");
            }
        }

        private static <E extends Enum<E>> Set<String> names(Class<E> type) {
            var names = new LinkedHashSet<String>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT));
            }
            return names;
        }

        private static String fmt(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }
}
