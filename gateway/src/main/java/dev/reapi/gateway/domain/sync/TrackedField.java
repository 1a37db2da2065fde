package dev.reapi.gateway.domain.sync;

import dev.reapi.client.model.LastSale;
import dev.reapi.client.model.Property;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;

/**
 * The property fields whose changes are recorded. Values are compared and stored as canonical
 * strings; an absent value (no listing date, no last sale) is the empty string.
 *
 * <p>{@code days_on_market} is deliberately not tracked: the upstream derives it from the current
 * day, so it changes every midnight without a new {@code updated_at}; recording it would fill the
 * history with non-events. Address, coordinates, type, lot size, year built and tax assessment are
 * treated as static facts of the property.
 */
public enum TrackedField {
    PRICE,
    STATUS,
    BEDS,
    BATHS,
    LIVING_AREA_SQFT,
    LISTING_DATE,
    LAST_SALE_DATE,
    LAST_SALE_PRICE;

    /** This field's canonical value in {@code property}; empty string when absent. */
    public String valueOf(Property p) {
        return switch (this) {
            case PRICE -> Long.toString(p.price());
            case STATUS -> p.status().wireName();
            case BEDS -> Integer.toString(p.beds());
            case BATHS -> BigDecimal.valueOf(p.baths()).stripTrailingZeros().toPlainString();
            case LIVING_AREA_SQFT -> Integer.toString(p.livingAreaSqft());
            case LISTING_DATE -> p.listingDate() == null ? "" : p.listingDate().toString();
            case LAST_SALE_DATE -> lastSale(p, s -> s.date().toString());
            case LAST_SALE_PRICE -> lastSale(p, s -> Long.toString(s.price()));
        };
    }

    /** The name stored and shown, the upstream's JSON name, e.g. {@code living_area_sqft}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}. */
    public static TrackedField fromWire(String wireName) {
        for (TrackedField field : values()) {
            if (field.wireName().equals(wireName)) {
                return field;
            }
        }
        throw new IllegalArgumentException("unknown tracked field '" + wireName + "'");
    }

    private static String lastSale(Property property, Function<LastSale, String> part) {
        LastSale sale = property.lastSale();
        return sale == null ? "" : part.apply(sale);
    }
}
