package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of a property; the wire name is the lower snake case of the constant. */
public enum PropertyType {
    SINGLE_FAMILY,
    CONDO,
    TOWNHOUSE,
    MULTI_FAMILY,
    MOBILE_HOME,
    LAND;

    /** The name on the wire, e.g. {@code single_family}. */
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
    public static PropertyType fromWire(String wireName) {
        return Wire.parse(PropertyType.class, "property_type", wireName);
    }
}
