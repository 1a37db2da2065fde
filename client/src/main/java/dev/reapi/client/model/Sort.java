package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Sort order of a search. Ties are broken by id on the server.
 *
 * @param field the sort key
 * @param order ascending or descending
 */
public record Sort(Field field, Order order) {

    /** Requires both members. */
    public Sort {
        Checks.notNull("sort.field", field);
        Checks.notNull("sort.order", order);
    }

    /** Ascending by {@code field}. */
    public static Sort by(Field field) {
        return new Sort(field, Order.ASC);
    }

    /** Descending by {@code field}. */
    public static Sort byDescending(Field field) {
        return new Sort(field, Order.DESC);
    }

    /** Sort keys; the wire name is the lower snake case of the constant. */
    public enum Field {
        PRICE,
        BEDS,
        BATHS,
        LIVING_AREA_SQFT,
        YEAR_BUILT,
        UPDATED_AT,
        ID;

        /** The name on the wire. */
        @JsonValue
        public String wireName() {
            return Wire.name(this);
        }

        /** Parses a wire name. */
        @JsonCreator
        public static Field fromWire(String wireName) {
            return Wire.parse(Field.class, "sort.field", wireName);
        }
    }

    /** Direction; the wire names are {@code asc} and {@code desc}. */
    public enum Order {
        ASC,
        DESC;

        /** The name on the wire. */
        @JsonValue
        public String wireName() {
            return Wire.name(this);
        }

        /** Parses a wire name. */
        @JsonCreator
        public static Order fromWire(String wireName) {
            return Wire.parse(Order.class, "sort.order", wireName);
        }
    }
}
