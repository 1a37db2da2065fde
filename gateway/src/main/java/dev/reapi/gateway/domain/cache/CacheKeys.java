package dev.reapi.gateway.domain.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds canonical {@link CacheKey}s, so that requests which must get the same upstream answer
 * share one cache entry. Stateless and thread-safe.
 */
public final class CacheKeys {

    private static final int DEFAULT_PAGE_LIMIT = 50;
    private static final String DEFAULT_SORT_FIELD = "id";
    private static final String DEFAULT_SORT_ORDER = "asc";

    private CacheKeys() {}

    /** The key of one property's details. */
    public static CacheKey details(String propertyId) {
        return new CacheKey(DataType.DETAILS, propertyId.trim());
    }

    /** The key of a property's valuation, by its id. */
    public static CacheKey valuationById(String propertyId) {
        return new CacheKey(DataType.VALUATION, "id:" + propertyId.trim());
    }

    /** The key of the valuation at an address, in {@link Addresses#canonical canonical} form. */
    public static CacheKey valuationByAddress(String address) {
        return new CacheKey(DataType.VALUATION, "address:" + Addresses.canonical(address));
    }

    /**
     * The key of the area figures of one property. Keyed by property rather than by point because
     * the v2 API serves them inside the property's detail; ids have the same form on both APIs.
     */
    public static CacheKey demographics(String propertyId) {
        return new CacheKey(DataType.DEMOGRAPHICS, propertyId.trim());
    }

    /**
     * The key of the schools within the upstream's default 3 miles of one property, keyed by
     * property for the same reason as {@link #demographics(String)}.
     */
    public static CacheKey schools(String propertyId) {
        return new CacheKey(DataType.SCHOOLS, propertyId.trim());
    }

    /**
     * The key of one search page. {@code criteria} is the search request as a JSON tree (maps,
     * lists, strings, numbers, booleans). The key is its canonical JSON after the upstream's
     * defaults are applied (sort by {@code id} ascending, page limit 50), filter lists are treated
     * as sets, a state is upper-cased and a city is lower-cased with single spaces.
     */
    public static CacheKey search(Map<String, ?> criteria) {
        Map<String, Object> tree = new LinkedHashMap<>(criteria);
        tree.put("location", location(criteria.get("location")));
        tree.put("filters", filters(criteria.get("filters")));
        tree.put("sort", sort(criteria.get("sort")));
        tree.put("pagination", pagination(criteria.get("pagination")));
        return new CacheKey(DataType.SEARCH, CanonicalJson.render(tree));
    }

    private static Object location(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            return node == null ? Map.of() : node;
        }
        var copy = copyOf(map);
        if (copy.get("state") instanceof String state) {
            copy.put("state", state.trim().toUpperCase(Locale.ROOT));
        }
        if (copy.get("city") instanceof String city) {
            copy.put("city", city.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        }
        if (copy.get("zip") instanceof String zip) {
            copy.put("zip", zip.trim());
        }
        return copy;
    }

    private static Object filters(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            return node == null ? Map.of() : node;
        }
        var copy = copyOf(map);
        for (String member : List.of("property_types", "statuses")) {
            if (copy.get(member) instanceof List<?> list) {
                copy.put(member, asSortedSet(list));
            }
        }
        return copy;
    }

    private static Object sort(Object node) {
        if (node != null && !(node instanceof Map<?, ?>)) {
            return node;
        }
        Map<String, Object> copy = node == null ? new LinkedHashMap<>() : copyOf((Map<?, ?>) node);
        copy.putIfAbsent("field", DEFAULT_SORT_FIELD);
        if (copy.get("order") == null) {
            copy.put("order", DEFAULT_SORT_ORDER);
        }
        return copy;
    }

    private static Object pagination(Object node) {
        if (node != null && !(node instanceof Map<?, ?>)) {
            return node;
        }
        Map<String, Object> copy = node == null ? new LinkedHashMap<>() : copyOf((Map<?, ?>) node);
        if (copy.get("limit") == null) {
            copy.put("limit", DEFAULT_PAGE_LIMIT);
        }
        return copy;
    }

    private static List<Object> asSortedSet(List<?> list) {
        var set = new TreeSet<String>();
        for (Object item : list) {
            set.add(String.valueOf(item).trim().toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(set);
    }

    private static Map<String, Object> copyOf(Map<?, ?> map) {
        var copy = new LinkedHashMap<String, Object>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() != null) {
                copy.put(String.valueOf(e.getKey()), e.getValue());
            }
        }
        return copy;
    }
}
