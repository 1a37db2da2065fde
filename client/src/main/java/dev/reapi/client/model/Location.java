package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where to search: exactly one of a city with its state, a ZIP code, or a circle around a point. On
 * the wire the variant is told apart by its members, so no type tag is sent.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
    @JsonSubTypes.Type(Location.CityState.class),
    @JsonSubTypes.Type(Location.Zip.class),
    @JsonSubTypes.Type(Location.Radius.class)
})
public sealed interface Location {

    /**
     * A city in a state.
     *
     * @param city 1..80 characters
     * @param state two letters, sent upper case
     */
    record CityState(String city, String state) implements Location {

        private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");

        /** Validates the city length and the state code, and upper-cases the state. */
        public CityState {
            Checks.notBlank("location.city", city);
            Checks.between("location.city length", city.length(), 1, 80);
            Checks.pattern("location.state", state, STATE, "two letters");
            state = state.toUpperCase(Locale.ROOT);
        }
    }

    /**
     * A five-digit ZIP code.
     *
     * @param zip five digits
     */
    record Zip(String zip) implements Location {

        private static final Pattern ZIP = Pattern.compile("[0-9]{5}");

        /** Validates the five digits. */
        public Zip {
            Checks.pattern("location.zip", zip, ZIP, "five digits");
        }
    }

    /**
     * A circle around a point.
     *
     * @param coordinates the centre
     * @param radiusMiles radius in miles, greater than 0 and at most 50
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Radius(Coordinates coordinates, double radiusMiles) implements Location {

        /** Validates the radius. */
        public Radius {
            Checks.notNull("location.coordinates", coordinates);
            if (!(radiusMiles > 0 && radiusMiles <= 50)) {
                throw new IllegalArgumentException(
                        "location.radius_miles must be in (0, 50], got " + radiusMiles);
            }
        }
    }
}
