package dev.reapi.gateway.domain.watch;

import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.Filters;
import dev.reapi.client.model.Location;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.SearchRequest;
import java.util.Locale;

/**
 * Decides whether a property matches a saved search, by the rules the upstream's search applies:
 * every filter bound inclusive and a missing one open; a city matched case-insensitively with runs
 * of spaces collapsed; a ZIP matched exactly; a circle by great-circle distance from its centre.
 * Sort and pagination are not criteria. Stateless and thread-safe.
 */
public final class SearchMatcher {

    /** The mean Earth radius in miles, as the upstream's distance uses. */
    private static final double EARTH_RADIUS_MILES = 3958.8;

    private SearchMatcher() {}

    /** Whether {@code property} lies in {@code criteria}'s location and passes its filters. */
    public static boolean matches(SearchRequest criteria, Property property) {
        return inside(criteria.location(), property)
                && (criteria.filters() == null || passes(criteria.filters(), property));
    }

    private static boolean inside(Location location, Property p) {
        return switch (location) {
            case Location.CityState c ->
                    normalised(c.city()).equals(normalised(p.address().city()))
                            && c.state().equalsIgnoreCase(p.address().state());
            case Location.Zip z -> z.zip().equals(p.address().zip());
            case Location.Radius r ->
                    distanceMiles(r.coordinates(), p.coordinates()) <= r.radiusMiles();
        };
    }

    private static boolean passes(Filters f, Property p) {
        return (f.priceMin() == null || p.price() >= f.priceMin())
                && (f.priceMax() == null || p.price() <= f.priceMax())
                && (f.bedsMin() == null || p.beds() >= f.bedsMin())
                && (f.bathsMin() == null || p.baths() >= f.bathsMin())
                && (f.propertyTypes() == null || f.propertyTypes().contains(p.propertyType()))
                && (f.statuses() == null || f.statuses().contains(p.status()))
                && (f.sqftMin() == null || p.livingAreaSqft() >= f.sqftMin())
                && (f.sqftMax() == null || p.livingAreaSqft() <= f.sqftMax())
                && (f.yearBuiltMin() == null || p.yearBuilt() >= f.yearBuiltMin())
                && (f.yearBuiltMax() == null || p.yearBuilt() <= f.yearBuiltMax());
    }

    private static String normalised(String city) {
        return city.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The haversine distance between two points, in miles. */
    static double distanceMiles(Coordinates a, Coordinates b) {
        double p1 = Math.toRadians(a.lat());
        double p2 = Math.toRadians(b.lat());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.lng() - a.lng());
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2)
                        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
