package dev.reapi.client.internal.v2;

import dev.reapi.client.model.Filters;
import dev.reapi.client.model.Location;
import dev.reapi.client.model.PropertyStatus;
import dev.reapi.client.model.PropertyType;
import dev.reapi.client.model.SearchRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SearchRequest} as a v2 PropertySearch body. v2 pages by offset: the client's page token
 * is the decimal {@code resultIndex} of the next page. Price bounds filter v2's {@code
 * estimatedValue}, the only price v2 filters on.
 */
final class V2Search {

    private V2Search() {}

    /**
     * The body of {@code request}.
     *
     * @throws IllegalArgumentException for what v2 cannot express: several property types, the
     *     off-market status, or a token that is not a result index
     */
    static Map<String, Object> body(SearchRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (request.location()) {
            case Location.CityState city -> {
                body.put("city", city.city());
                body.put("state", city.state());
            }
            case Location.Zip zip -> body.put("zip", zip.zip());
            case Location.Radius radius -> {
                body.put("latitude", radius.coordinates().lat());
                body.put("longitude", radius.coordinates().lng());
                body.put("radius", radius.radiusMiles());
            }
        }
        Filters filters = request.filters();
        if (filters != null) {
            filters(filters, body);
        }
        body.put("size", request.limit());
        body.put("resultIndex", resultIndex(request.cursor()));
        return body;
    }

    /** The offset a page token stands for; the first page for none. */
    static long resultIndex(@Nullable String token) {
        if (token == null) {
            return 0;
        }
        if (!token.matches("[0-9]{1,12}")) {
            throw new IllegalArgumentException(
                    "pagination.cursor on v2 must be a result index (digits), got '" + token + "'");
        }
        return Long.parseLong(token);
    }

    /** The token of the page after one starting at {@code index} with {@code count} records. */
    static @Nullable String next(long index, long count, long total) {
        long next = index + count;
        return count > 0 && next < total ? Long.toString(next) : null;
    }

    private static void filters(Filters filters, Map<String, Object> body) {
        putIfSet(body, "value_min", filters.priceMin());
        putIfSet(body, "value_max", filters.priceMax());
        putIfSet(body, "beds_min", filters.bedsMin());
        putIfSet(body, "baths_min", filters.bathsMin());
        putIfSet(body, "building_size_min", filters.sqftMin());
        putIfSet(body, "building_size_max", filters.sqftMax());
        putIfSet(body, "year_built_min", filters.yearBuiltMin());
        putIfSet(body, "year_built_max", filters.yearBuiltMax());
        if (filters.propertyTypes() != null) {
            if (filters.propertyTypes().size() != 1) {
                throw new IllegalArgumentException(
                        "filters.property_types on v2 must hold one type, got "
                                + filters.propertyTypes());
            }
            PropertyType type = filters.propertyTypes().iterator().next();
            body.put("property_type", V2Json.wireName(type));
        }
        if (filters.statuses() != null) {
            for (PropertyStatus status : filters.statuses()) {
                switch (status) {
                    case ACTIVE -> body.put("mls_active", true);
                    case PENDING -> body.put("mls_pending", true);
                    case SOLD -> body.put("mls_sold", true);
                    case OFF_MARKET ->
                            throw new IllegalArgumentException(
                                    "filters.statuses on v2 cannot select off_market;"
                                            + " v2 filters on active, pending and sold only");
                }
            }
        }
    }

    private static void putIfSet(Map<String, Object> body, String member, @Nullable Object value) {
        if (value != null) {
            body.put(member, value);
        }
    }
}
