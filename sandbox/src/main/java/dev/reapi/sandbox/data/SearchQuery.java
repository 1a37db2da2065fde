package dev.reapi.sandbox.data;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A validated property search: where, which, in what order. Bounds are inclusive; a null bound is
 * open.
 *
 * @param location where to search
 * @param filters which properties match
 * @param sortField one of {@code price, beds, baths, living_area_sqft, year_built, updated_at, id}
 * @param descending whether the sort field runs high to low (ties always by id, ascending)
 */
public record SearchQuery(
        Location location, Filters filters, String sortField, boolean descending) {
    public static final Set<String> SORT_FIELDS =
            Set.of("price", "beds", "baths", "living_area_sqft", "year_built", "updated_at", "id");

    public SearchQuery {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(filters, "filters");
        if (!SORT_FIELDS.contains(sortField)) {
            throw new IllegalArgumentException("unknown sort field " + sortField);
        }
    }

    /** Where to search: exactly one of the three shapes of the contract. */
    public sealed interface Location {}

    /**
     * Every ZIP of a city.
     *
     * @param city the city name, case-insensitive
     * @param state two-letter state code
     */
    public record City(String city, String state) implements Location {}

    /**
     * One ZIP code.
     *
     * @param zip five digits
     */
    public record Zip(String zip) implements Location {}

    /**
     * A circle.
     *
     * @param lat latitude of the centre
     * @param lng longitude of the centre
     * @param radiusMiles radius, miles
     */
    public record Circle(double lat, double lng, double radiusMiles) implements Location {}

    /**
     * Optional bounds and sets; null means "any".
     *
     * @param priceMin lowest price
     * @param priceMax highest price
     * @param bedsMin fewest bedrooms
     * @param bathsMin fewest bathrooms
     * @param types allowed property types
     * @param statuses allowed statuses
     * @param sqftMin smallest living area
     * @param sqftMax largest living area
     * @param yearBuiltMin earliest year built
     * @param yearBuiltMax latest year built
     */
    public record Filters(
            @Nullable Long priceMin,
            @Nullable Long priceMax,
            @Nullable Long bedsMin,
            @Nullable Double bathsMin,
            @Nullable Set<String> types,
            @Nullable Set<String> statuses,
            @Nullable Long sqftMin,
            @Nullable Long sqftMax,
            @Nullable Long yearBuiltMin,
            @Nullable Long yearBuiltMax) {
        public static final Filters NONE =
                new Filters(null, null, null, null, null, null, null, null, null, null);

        /** Whether the property passes every filter. */
        public boolean test(PropertyRecord p) {
            long price = p.market().price();
            return (priceMin == null || price >= priceMin)
                    && (priceMax == null || price <= priceMax)
                    && (bedsMin == null || p.beds() >= bedsMin)
                    && (bathsMin == null || p.baths() >= bathsMin)
                    && (types == null || types.contains(p.type()))
                    && (statuses == null || statuses.contains(p.market().status()))
                    && (sqftMin == null || p.livingAreaSqft() >= sqftMin)
                    && (sqftMax == null || p.livingAreaSqft() <= sqftMax)
                    && (yearBuiltMin == null || p.yearBuilt() >= yearBuiltMin)
                    && (yearBuiltMax == null || p.yearBuilt() <= yearBuiltMax);
        }
    }
}
