package dev.reapi.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.reapi.client.model.Address;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.LastSale;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.PropertyStatus;
import dev.reapi.client.model.PropertyType;
import dev.reapi.client.model.TaxAssessment;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link Property} in the shape the upstream sends (every member of the expected JSON type,
 * dates as {@code yyyy-MM-dd}, instants as {@code yyyy-MM-ddTHH:mm:ssZ}) straight from a streaming
 * parser, at a fraction of the mapper's cost. Anything else (a missing, repeated or null required
 * member, a number as a string, another date form, a value the records reject) is left to the
 * caller, which reads the object's bytes with the mapper: what this reads is what the mapper reads,
 * and every other input gets the mapper's result or error. Unknown members are skipped, as the
 * mapper skips them. Stateless.
 */
final class PropertyReader {

    private static final int ID = 1;
    private static final int ADDRESS = 1 << 1;
    private static final int COORDINATES = 1 << 2;
    private static final int TYPE = 1 << 3;
    private static final int STATUS = 1 << 4;
    private static final int PRICE = 1 << 5;
    private static final int BEDS = 1 << 6;
    private static final int BATHS = 1 << 7;
    private static final int LIVING = 1 << 8;
    private static final int LOT = 1 << 9;
    private static final int BUILT = 1 << 10;
    private static final int UPDATED = 1 << 11;
    private static final int REQUIRED = (1 << 12) - 1;
    private static final int LISTING = 1 << 12;
    private static final int DAYS = 1 << 13;
    private static final int SALE = 1 << 14;
    private static final int TAX = 1 << 15;

    private PropertyReader() {}

    /** Thrown inside this reader when the input is outside the shape it reads. */
    private static final class Unusual extends Exception {

        private static final long serialVersionUID = 1L;

        Unusual() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads the object at the parser's current {@code START_OBJECT} through its {@code END_OBJECT}.
     *
     * @return the property, or null when the object is outside the shape read here (the parser is
     *     then at the object's {@code END_OBJECT} all the same)
     * @throws IOException when the input is not well-formed JSON
     */
    static @Nullable Property read(JsonParser parser) throws IOException {
        JsonStreamContext outside = parser.getParsingContext().getParent();
        try {
            return property(parser);
        } catch (Unusual | RuntimeException e) {
            while (!(parser.currentToken() == JsonToken.END_OBJECT
                    && parser.getParsingContext() == outside)) {
                if (parser.nextToken() == null) {
                    throw new IOException("unexpected end of input inside a property");
                }
            }
            return null;
        }
    }

    private static Property property(JsonParser p) throws IOException, Unusual {
        String id = null;
        Address address = null;
        Coordinates coordinates = null;
        PropertyType type = null;
        PropertyStatus status = null;
        long price = 0;
        int beds = 0;
        double baths = 0;
        int living = 0;
        int lot = 0;
        int built = 0;
        LocalDate listing = null;
        Integer days = null;
        LastSale sale = null;
        TaxAssessment tax = null;
        Instant updated = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int member = member(name);
            if (member == 0) {
                p.skipChildren();
                continue;
            }
            if ((seen & member) != 0) {
                throw new Unusual();
            }
            seen |= member;
            switch (member) {
                case ID -> id = text(p, t);
                case ADDRESS -> address = address(p, t);
                case COORDINATES -> coordinates = coordinates(p, t);
                case TYPE -> type = PropertyType.fromWire(text(p, t));
                case STATUS -> status = PropertyStatus.fromWire(text(p, t));
                case PRICE -> price = whole(p, t);
                case BEDS -> beds = Math.toIntExact(whole(p, t));
                case BATHS -> baths = number(p, t);
                case LIVING -> living = Math.toIntExact(whole(p, t));
                case LOT -> lot = Math.toIntExact(whole(p, t));
                case BUILT -> built = Math.toIntExact(whole(p, t));
                case LISTING -> listing = t == JsonToken.VALUE_NULL ? null : date(text(p, t));
                case DAYS -> days = t == JsonToken.VALUE_NULL ? null : Math.toIntExact(whole(p, t));
                case SALE -> sale = t == JsonToken.VALUE_NULL ? null : lastSale(p, t);
                case TAX -> tax = t == JsonToken.VALUE_NULL ? null : taxAssessment(p, t);
                case UPDATED -> updated = instant(text(p, t));
                default -> throw new Unusual();
            }
        }
        if ((seen & REQUIRED) != REQUIRED) {
            throw new Unusual();
        }
        return new Property(
                id,
                address,
                coordinates,
                type,
                status,
                price,
                beds,
                baths,
                living,
                lot,
                built,
                listing,
                days,
                sale,
                tax,
                updated);
    }

    private static int member(String name) {
        return switch (name) {
            case "id" -> ID;
            case "address" -> ADDRESS;
            case "coordinates" -> COORDINATES;
            case "property_type" -> TYPE;
            case "status" -> STATUS;
            case "price" -> PRICE;
            case "beds" -> BEDS;
            case "baths" -> BATHS;
            case "living_area_sqft" -> LIVING;
            case "lot_size_sqft" -> LOT;
            case "year_built" -> BUILT;
            case "listing_date" -> LISTING;
            case "days_on_market" -> DAYS;
            case "last_sale" -> SALE;
            case "tax_assessment" -> TAX;
            case "updated_at" -> UPDATED;
            default -> 0;
        };
    }

    private static Address address(JsonParser p, JsonToken t) throws IOException, Unusual {
        object(t);
        String street = null;
        String city = null;
        String state = null;
        String zip = null;
        String county = null;
        String formatted = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int member =
                    switch (name) {
                        case "street" -> 1;
                        case "city" -> 2;
                        case "state" -> 4;
                        case "zip" -> 8;
                        case "county" -> 16;
                        case "formatted" -> 32;
                        default -> 0;
                    };
            if (member == 0) {
                p.skipChildren();
                continue;
            }
            if ((seen & member) != 0) {
                throw new Unusual();
            }
            seen |= member;
            String value = v == JsonToken.VALUE_NULL && member == 16 ? null : text(p, v);
            switch (member) {
                case 1 -> street = value;
                case 2 -> city = value;
                case 4 -> state = value;
                case 8 -> zip = value;
                case 16 -> county = value;
                default -> formatted = value;
            }
        }
        if ((seen | 16) != 63) {
            throw new Unusual();
        }
        return new Address(street, city, state, zip, county, formatted);
    }

    private static Coordinates coordinates(JsonParser p, JsonToken t) throws IOException, Unusual {
        object(t);
        double lat = 0;
        double lng = 0;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int member = name.equals("lat") ? 1 : name.equals("lng") ? 2 : 0;
            if (member == 0) {
                p.skipChildren();
                continue;
            }
            if ((seen & member) != 0) {
                throw new Unusual();
            }
            seen |= member;
            if (member == 1) {
                lat = number(p, v);
            } else {
                lng = number(p, v);
            }
        }
        if (seen != 3) {
            throw new Unusual();
        }
        return new Coordinates(lat, lng);
    }

    private static LastSale lastSale(JsonParser p, JsonToken t) throws IOException, Unusual {
        object(t);
        LocalDate date = null;
        long price = 0;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int member = name.equals("date") ? 1 : name.equals("price") ? 2 : 0;
            if (member == 0) {
                p.skipChildren();
                continue;
            }
            if ((seen & member) != 0) {
                throw new Unusual();
            }
            seen |= member;
            if (member == 1) {
                date = date(text(p, v));
            } else {
                price = whole(p, v);
            }
        }
        if (seen != 3) {
            throw new Unusual();
        }
        return new LastSale(date, price);
    }

    private static TaxAssessment taxAssessment(JsonParser p, JsonToken t)
            throws IOException, Unusual {
        object(t);
        int year = 0;
        long assessed = 0;
        long amount = 0;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int member =
                    switch (name) {
                        case "year" -> 1;
                        case "assessed_value" -> 2;
                        case "tax_amount" -> 4;
                        default -> 0;
                    };
            if (member == 0) {
                p.skipChildren();
                continue;
            }
            if ((seen & member) != 0) {
                throw new Unusual();
            }
            seen |= member;
            switch (member) {
                case 1 -> year = Math.toIntExact(whole(p, v));
                case 2 -> assessed = whole(p, v);
                default -> amount = whole(p, v);
            }
        }
        if (seen != 7) {
            throw new Unusual();
        }
        return new TaxAssessment(year, assessed, amount);
    }

    private static void object(JsonToken t) throws Unusual {
        if (t != JsonToken.START_OBJECT) {
            throw new Unusual();
        }
    }

    private static String text(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t != JsonToken.VALUE_STRING) {
            throw new Unusual();
        }
        return p.getText();
    }

    /** A JSON integer that fits a long; a fraction or a larger number is left to the mapper. */
    private static long whole(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t != JsonToken.VALUE_NUMBER_INT
                || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new Unusual();
        }
        return p.getLongValue();
    }

    private static double number(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new Unusual();
        }
        return p.getDoubleValue();
    }

    /** {@code yyyy-MM-dd}; any other form is left to the mapper. */
    private static LocalDate date(String s) throws Unusual {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw new Unusual();
        }
        return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ}; any other form (fractions, offsets) is left to the mapper. */
    private static Instant instant(String s) throws Unusual {
        if (s.length() != 20
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(19) != 'Z') {
            throw new Unusual();
        }
        LocalDateTime at =
                LocalDateTime.of(
                        date(s.substring(0, 10)),
                        LocalTime.of(digits(s, 11, 13), digits(s, 14, 16), digits(s, 17, 19)));
        return at.toInstant(ZoneOffset.UTC);
    }

    private static int digits(String s, int from, int to) throws Unusual {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new Unusual();
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
