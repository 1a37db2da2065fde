package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Optional search filters; a null member does not filter. A minimum must not exceed its maximum.
 *
 * @param priceMin lowest price, US dollars
 * @param priceMax highest price, US dollars
 * @param bedsMin fewest bedrooms, 0..20
 * @param bathsMin fewest bathrooms, 0..20
 * @param propertyTypes accepted kinds, non-empty when present
 * @param statuses accepted statuses, non-empty when present
 * @param sqftMin smallest living area, square feet
 * @param sqftMax largest living area, square feet
 * @param yearBuiltMin earliest year built, 1700..2100
 * @param yearBuiltMax latest year built, 1700..2100
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Filters(
        @Nullable Long priceMin,
        @Nullable Long priceMax,
        @Nullable Integer bedsMin,
        @Nullable Double bathsMin,
        @Nullable Set<PropertyType> propertyTypes,
        @Nullable Set<PropertyStatus> statuses,
        @Nullable Integer sqftMin,
        @Nullable Integer sqftMax,
        @Nullable Integer yearBuiltMin,
        @Nullable Integer yearBuiltMax) {

    private static final Filters NONE = builder().build();

    /** Validates every present member and the order of each range. */
    public Filters {
        nonNegative("filters.price_min", priceMin);
        nonNegative("filters.price_max", priceMax);
        if (bedsMin != null) {
            Checks.between("filters.beds_min", bedsMin, 0, 20);
        }
        if (bathsMin != null) {
            Checks.between("filters.baths_min", bathsMin, 0.0, 20.0);
        }
        propertyTypes = copy("filters.property_types", propertyTypes, PropertyType.class);
        statuses = copy("filters.statuses", statuses, PropertyStatus.class);
        nonNegative("filters.sqft_min", sqftMin);
        nonNegative("filters.sqft_max", sqftMax);
        year("filters.year_built_min", yearBuiltMin);
        year("filters.year_built_max", yearBuiltMax);
        Checks.ordered("filters.price_min", priceMin, "filters.price_max", priceMax);
        Checks.ordered("filters.sqft_min", sqftMin, "filters.sqft_max", sqftMax);
        Checks.ordered(
                "filters.year_built_min", yearBuiltMin, "filters.year_built_max", yearBuiltMax);
    }

    /** Filters that filter nothing. */
    public static Filters none() {
        return NONE;
    }

    /** A builder starting from no filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether no member is set. */
    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }

    private static void nonNegative(String field, @Nullable Number value) {
        if (value != null) {
            Checks.atLeast(field, value.longValue(), 0);
        }
    }

    private static void year(String field, @Nullable Integer value) {
        if (value != null) {
            Checks.between(field, value, 1700, 2100);
        }
    }

    private static <E extends Enum<E>> @Nullable Set<E> copy(
            String field, @Nullable Set<E> values, Class<E> type) {
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty when present");
        }
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Set.copyOf(copy);
    }

    /** Builds {@link Filters}; not thread-safe. */
    public static final class Builder {
        private @Nullable Long priceMin;
        private @Nullable Long priceMax;
        private @Nullable Integer bedsMin;
        private @Nullable Double bathsMin;
        private @Nullable Set<PropertyType> propertyTypes;
        private @Nullable Set<PropertyStatus> statuses;
        private @Nullable Integer sqftMin;
        private @Nullable Integer sqftMax;
        private @Nullable Integer yearBuiltMin;
        private @Nullable Integer yearBuiltMax;

        private Builder() {}

        /** Price range in US dollars; either bound may be null. */
        public Builder price(@Nullable Long min, @Nullable Long max) {
            this.priceMin = min;
            this.priceMax = max;
            return this;
        }

        /** Fewest bedrooms. */
        public Builder bedsMin(int min) {
            this.bedsMin = min;
            return this;
        }

        /** Fewest bathrooms. */
        public Builder bathsMin(double min) {
            this.bathsMin = min;
            return this;
        }

        /** Accepted property kinds. */
        public Builder propertyTypes(PropertyType first, PropertyType... rest) {
            this.propertyTypes = EnumSet.of(first, rest);
            return this;
        }

        /** Accepted statuses. */
        public Builder statuses(PropertyStatus first, PropertyStatus... rest) {
            this.statuses = EnumSet.of(first, rest);
            return this;
        }

        /** Living area range in square feet; either bound may be null. */
        public Builder sqft(@Nullable Integer min, @Nullable Integer max) {
            this.sqftMin = min;
            this.sqftMax = max;
            return this;
        }

        /** Year-built range; either bound may be null. */
        public Builder yearBuilt(@Nullable Integer min, @Nullable Integer max) {
            this.yearBuiltMin = min;
            this.yearBuiltMax = max;
            return this;
        }

        /**
         * Builds the filters.
         *
         * @throws IllegalArgumentException when a member is out of range or a range is reversed
         */
        public Filters build() {
            return new Filters(
                    priceMin,
                    priceMax,
                    bedsMin,
                    bathsMin,
                    propertyTypes,
                    statuses,
                    sqftMin,
                    sqftMax,
                    yearBuiltMin,
                    yearBuiltMax);
        }
    }
}
