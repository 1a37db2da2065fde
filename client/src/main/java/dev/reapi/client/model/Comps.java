package dev.reapi.client.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Comparable properties of a subject property, nearest first.
 *
 * @param subjectId the subject's id
 * @param subjectEstimatedValue the subject's estimated value in US dollars, when known
 * @param comps the comparables, nearest first (possibly none)
 */
public record Comps(String subjectId, @Nullable Long subjectEstimatedValue, List<Comp> comps) {

    /** Requires the subject and copies the list. */
    public Comps {
        Checks.notBlank("subject.id", subjectId);
        comps = List.copyOf(Checks.notNull("comps", comps));
    }

    /**
     * One comparable property.
     *
     * @param propertyId its id, in the client's id form
     * @param propertyType kind of property
     * @param beds bedrooms
     * @param baths bathrooms
     * @param livingAreaSqft living area in square feet
     * @param lotSizeSqft lot size in square feet
     * @param yearBuilt year of construction
     * @param estimatedValue estimated value in US dollars
     * @param lastSale its most recent sale, null when unknown
     * @param coordinates location
     * @param distanceMiles distance from the subject in miles
     */
    public record Comp(
            String propertyId,
            PropertyType propertyType,
            int beds,
            double baths,
            int livingAreaSqft,
            int lotSizeSqft,
            int yearBuilt,
            long estimatedValue,
            @Nullable LastSale lastSale,
            Coordinates coordinates,
            double distanceMiles) {

        /** Requires the id, type and location and a non-negative distance. */
        public Comp {
            Checks.notBlank("id", propertyId);
            Checks.notNull("property_type", propertyType);
            Checks.notNull("coordinates", coordinates);
            Checks.between("distance_miles", distanceMiles, 0.0, Double.MAX_VALUE);
        }
    }
}
