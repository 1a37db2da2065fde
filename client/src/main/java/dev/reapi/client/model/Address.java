package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A postal address.
 *
 * @param street house number and street, e.g. {@code 1234 Oak St}
 * @param city city name
 * @param state two-letter state code
 * @param zip five-digit ZIP code
 * @param county county name, when known
 * @param formatted {@code street, city, state zip}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(
        String street,
        String city,
        String state,
        String zip,
        @Nullable String county,
        String formatted) {

    /** Requires every member but {@code county}. */
    public Address {
        Checks.notNull("street", street);
        Checks.notNull("city", city);
        Checks.notNull("state", state);
        Checks.notNull("zip", zip);
        Checks.notNull("formatted", formatted);
    }
}
