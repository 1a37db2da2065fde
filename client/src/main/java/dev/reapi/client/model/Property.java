package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One property as the upstream describes it.
 *
 * @param id opaque property id
 * @param address postal address
 * @param coordinates location
 * @param propertyType kind of property
 * @param status market status
 * @param price list price while active or pending, the last known price otherwise (US dollars)
 * @param beds bedrooms
 * @param baths bathrooms, half baths count 0.5
 * @param livingAreaSqft living area in square feet
 * @param lotSizeSqft lot size in square feet
 * @param yearBuilt year of construction
 * @param listingDate day it was listed, null when not listed
 * @param daysOnMarket days since listing, null when not listed
 * @param lastSale most recent sale, null when never sold
 * @param taxAssessment latest tax assessment, null when unknown
 * @param updatedAt when the upstream last changed this record
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Property(
        String id,
        Address address,
        Coordinates coordinates,
        PropertyType propertyType,
        PropertyStatus status,
        long price,
        int beds,
        double baths,
        int livingAreaSqft,
        int lotSizeSqft,
        int yearBuilt,
        @Nullable LocalDate listingDate,
        @Nullable Integer daysOnMarket,
        @Nullable LastSale lastSale,
        @Nullable TaxAssessment taxAssessment,
        Instant updatedAt) {

    /** Requires the mandatory members and non-negative quantities. */
    public Property {
        Checks.notBlank("id", id);
        Checks.notNull("address", address);
        Checks.notNull("coordinates", coordinates);
        Checks.notNull("property_type", propertyType);
        Checks.notNull("status", status);
        Checks.atLeast("price", price, 0);
        Checks.atLeast("beds", beds, 0);
        Checks.between("baths", baths, 0, Double.MAX_VALUE);
        Checks.atLeast("living_area_sqft", livingAreaSqft, 0);
        Checks.atLeast("lot_size_sqft", lotSizeSqft, 0);
        if (daysOnMarket != null) {
            Checks.atLeast("days_on_market", daysOnMarket, 0);
        }
        Checks.notNull("updated_at", updatedAt);
    }
}
