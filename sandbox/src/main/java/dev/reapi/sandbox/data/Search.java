package dev.reapi.sandbox.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs searches over the current dataset: the ZIPs of the location are enumerated (no index of
 * properties exists), matches filtered and sorted by (sort value, id), and a page taken after a
 * keyset position. Stateless apart from the dataset; thread-safe.
 */
public final class Search {
    /** Properties lie within this many miles of their ZIP's centroid (see the generator). */
    private static final double JITTER_MILES = 2.0;

    private final Dataset data;

    public Search(Dataset data) {
        this.data = data;
    }

    /**
     * One page of results.
     *
     * @param properties the page
     * @param total all matches
     * @param last the keyset position of the page's last property when more follow, else null
     */
    public record Page(List<PropertyRecord> properties, int total, @Nullable Position last) {}

    /**
     * A keyset position: the sort value and id of a property.
     *
     * @param value the sort field's value
     * @param id numeric property id
     */
    public record Position(double value, long id) {}

    public Page run(SearchQuery q, @Nullable Position after, int limit) {
        List<PropertyRecord> matches = new ArrayList<>();
        for (int zip : zipsOf(q.location())) {
            for (long id : data.idsOfZip(zip)) {
                PropertyRecord p = data.current(id);
                if (inside(q.location(), p) && q.filters().test(p)) {
                    matches.add(p);
                }
            }
        }
        Comparator<PropertyRecord> order = order(q);
        matches.sort(order);
        int start = 0;
        if (after != null) {
            start = firstAfter(matches, q, after);
        }
        int end = Math.min(matches.size(), start + limit);
        List<PropertyRecord> page = List.copyOf(matches.subList(start, end));
        Position last =
                end < matches.size() && !page.isEmpty()
                        ? position(q, page.get(page.size() - 1))
                        : null;
        return new Page(page, matches.size(), last);
    }

    public static Position position(SearchQuery q, PropertyRecord p) {
        return new Position(value(q.sortField(), p), p.id());
    }

    private static int firstAfter(List<PropertyRecord> sorted, SearchQuery q, Position after) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(q, position(q, sorted.get(mid)), after) > 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static int compare(SearchQuery q, Position a, Position b) {
        int c = Double.compare(a.value(), b.value());
        if (q.descending()) {
            c = -c;
        }
        return c != 0 ? c : Long.compare(a.id(), b.id());
    }

    private static Comparator<PropertyRecord> order(SearchQuery q) {
        return (a, b) -> compare(q, position(q, a), position(q, b));
    }

    static double value(String field, PropertyRecord p) {
        return switch (field) {
            case "price" -> p.market().price();
            case "beds" -> p.beds();
            case "baths" -> p.baths();
            case "living_area_sqft" -> p.livingAreaSqft();
            case "year_built" -> p.yearBuilt();
            case "updated_at" -> p.market().updatedAt();
            default -> p.id();
        };
    }

    private int[] zipsOf(SearchQuery.Location location) {
        Geography g = data.geography();
        return switch (location) {
            case SearchQuery.City c -> g.zipsOfCity(c.city(), c.state());
            case SearchQuery.Zip z -> {
                Optional<Integer> index = g.indexOf(z.zip());
                yield index.isPresent() ? new int[] {index.get()} : new int[0];
            }
            case SearchQuery.Circle c ->
                    g.zipsWithin(c.lat(), c.lng(), c.radiusMiles() + JITTER_MILES);
        };
    }

    private static boolean inside(SearchQuery.Location location, PropertyRecord p) {
        return !(location instanceof SearchQuery.Circle c)
                || Geography.distanceMiles(c.lat(), c.lng(), p.lat(), p.lng()) <= c.radiusMiles();
    }
}
