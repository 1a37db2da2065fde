package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The market status of a property; the wire name is the lower snake case of the constant. */
public enum PropertyStatus {
    ACTIVE,
    PENDING,
    SOLD,
    OFF_MARKET;

    /** The name on the wire, e.g. {@code off_market}. */
    @JsonValue
    public String wireName() {
        return Wire.name(this);
    }

    /**
     * Parses a wire name.
     *
     * @throws IllegalArgumentException naming the value when it is unknown
     */
    @JsonCreator
    public static PropertyStatus fromWire(String wireName) {
        return Wire.parse(PropertyStatus.class, "status", wireName);
    }
}
