package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A school near a point.
 *
 * @param id opaque school id
 * @param name display name
 * @param level elementary, middle or high
 * @param rating 1..10
 * @param grades e.g. {@code K-5}
 * @param distanceMiles distance from the queried point in miles
 * @param coordinates location
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record School(
        String id,
        String name,
        Level level,
        int rating,
        String grades,
        double distanceMiles,
        Coordinates coordinates) {

    /** Validates the rating and the distance. */
    public School {
        Checks.notBlank("id", id);
        Checks.notNull("name", name);
        Checks.notNull("level", level);
        Checks.between("rating", rating, 1, 10);
        Checks.notNull("grades", grades);
        Checks.between("distance_miles", distanceMiles, 0.0, Double.MAX_VALUE);
        Checks.notNull("coordinates", coordinates);
    }

    /** School level; the wire names are lower case. */
    public enum Level {
        ELEMENTARY,
        MIDDLE,
        HIGH;

        /** The name on the wire. */
        @JsonValue
        public String wireName() {
            return Wire.name(this);
        }

        /** Parses a wire name. */
        @JsonCreator
        public static Level fromWire(String wireName) {
            return Wire.parse(Level.class, "level", wireName);
        }
    }
}
