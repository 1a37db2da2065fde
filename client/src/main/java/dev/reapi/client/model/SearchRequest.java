package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A property search. Build one from a location factory and refine it with the {@code with...}
 * methods, each of which returns a new request:
 *
 * <pre>{@code
 * SearchRequest.zip("94105").withLimit(50).withSort(Sort.byDescending(Sort.Field.PRICE))
 * }</pre>
 *
 * @param location where to search (required)
 * @param filters optional filters
 * @param sort optional order; the server's default is id ascending
 * @param pagination optional page size and cursor
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchRequest(
        Location location,
        @Nullable Filters filters,
        @Nullable Sort sort,
        @Nullable Pagination pagination) {

    /** Requires a location. */
    public SearchRequest {
        Checks.notNull("location", location);
        if (filters != null && filters.isEmpty()) {
            filters = null;
        }
    }

    /** A search in a city, e.g. {@code city("Austin", "TX")}. */
    public static SearchRequest city(String city, String state) {
        return of(new Location.CityState(city, state));
    }

    /** A search in a ZIP code. */
    public static SearchRequest zip(String zip) {
        return of(new Location.Zip(zip));
    }

    /** A search within {@code radiusMiles} of a point. */
    public static SearchRequest radius(double lat, double lng, double radiusMiles) {
        return of(new Location.Radius(new Coordinates(lat, lng), radiusMiles));
    }

    /** A search at {@code location} without filters, sort or paging. */
    public static SearchRequest of(Location location) {
        return new SearchRequest(location, null, null, null);
    }

    /** This request with other filters. */
    public SearchRequest withFilters(Filters newFilters) {
        return new SearchRequest(location, newFilters, sort, pagination);
    }

    /** This request with another order. */
    public SearchRequest withSort(Sort newSort) {
        return new SearchRequest(location, filters, newSort, pagination);
    }

    /** This request with a page size of {@code limit} (1..250), keeping the cursor. */
    public SearchRequest withLimit(int limit) {
        return new SearchRequest(location, filters, sort, new Pagination(limit, cursor()));
    }

    /** This request positioned at {@code cursor}, keeping the page size; null for page one. */
    public SearchRequest withCursor(@Nullable String cursor) {
        return new SearchRequest(location, filters, sort, new Pagination(limit(), cursor));
    }

    /** The page size this request asks for. */
    public int limit() {
        return pagination == null ? Pagination.DEFAULT_LIMIT : pagination.limit();
    }

    /** The cursor this request starts at, null for the first page. */
    public @Nullable String cursor() {
        return pagination == null ? null : pagination.cursor();
    }
}
