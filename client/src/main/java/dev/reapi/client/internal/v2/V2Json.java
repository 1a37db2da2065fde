package dev.reapi.client.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.client.model.Address;
import dev.reapi.client.model.Comps;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.LastSale;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.PropertyStatus;
import dev.reapi.client.model.PropertyType;
import dev.reapi.client.model.School;
import dev.reapi.client.model.TaxAssessment;
import dev.reapi.client.model.Valuation;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads v2 payloads into the client's model. A missing or mistyped member is an {@link IOException}
 * naming it, which the transport reports as an undecodable answer.
 */
final class V2Json {

    /** A whole number v2 sends as text. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private V2Json() {}

    /**
     * A property from a search item or a detail. The model's {@code price} is the listing price
     * while listed, else the last sale amount, else the estimated value: v2 has no single price.
     */
    static Property property(JsonNode node) throws IOException {
        JsonNode info = node.path("propertyInfo");
        long listPrice = optLong(node, "mlsListingPrice", -1);
        long saleAmount = optLong(node, "lastSaleAmount", -1);
        long price =
                listPrice >= 0
                        ? listPrice
                        : saleAmount >= 0 ? saleAmount : optLong(node, "estimatedValue", 0);
        try {
            return new Property(
                    V2Ids.toClient(reqLong(node, "id")),
                    address(node.path("address")),
                    coordinates(node, info),
                    propertyType(text(node, info, "propertyType")),
                    status(node),
                    price,
                    (int) number(node, info, "bedrooms"),
                    number(node, info, "bathrooms"),
                    (int) number(node, info, "squareFeet"),
                    (int) number(node, info, "lotSquareFeet"),
                    (int) number(node, info, "yearBuilt"),
                    optDate(node, "mlsListingDate"),
                    node.path("mlsDaysOnMarket").isNumber()
                            ? node.path("mlsDaysOnMarket").intValue()
                            : null,
                    lastSale(node),
                    taxAssessment(node.path("taxInfo")),
                    instant(node, "lastUpdateDate"));
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid property: " + e.getMessage(), e);
        }
    }

    /** A valuation from a PropertyAvm answer or a successful PropertyAvmBulk item. */
    static Valuation valuation(JsonNode node) throws IOException {
        try {
            return new Valuation(
                    V2Ids.toClient(reqLong(node, "id")),
                    node.path("label").isTextual() ? node.path("label").asText() : null,
                    reqLong(node, "avm"),
                    reqLong(node, "avmMin"),
                    reqLong(node, "avmMax"),
                    reqNumber(node, "confidence"),
                    LocalDate.ofInstant(instant(node, "lastUpdateDate"), ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid valuation: " + e.getMessage(), e);
        }
    }

    /** The demographics member of a detail. */
    static Demographics demographics(JsonNode node) throws IOException {
        if (!node.isObject()) {
            throw new IOException("the detail has no demographics object");
        }
        try {
            return new Demographics(
                    reqText(node, "zip"),
                    optText(node, "city"),
                    optText(node, "state"),
                    reqLong(node, "population"),
                    reqLong(node, "medianHouseholdIncome"),
                    reqNumber(node, "medianAge"),
                    reqLong(node, "households"),
                    reqNumber(node, "ownerOccupiedShare"),
                    node.path("medianHomeValue").isNumber()
                            ? node.path("medianHomeValue").longValue()
                            : null,
                    node.path("unemploymentRate").isNumber()
                            ? node.path("unemploymentRate").doubleValue()
                            : null);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid demographics: " + e.getMessage(), e);
        }
    }

    /** The schools member of a detail, nearest first. */
    static List<School> schools(JsonNode node) throws IOException {
        if (!node.isArray()) {
            throw new IOException("the detail has no schools array");
        }
        List<School> schools = new ArrayList<>(node.size());
        try {
            for (JsonNode school : node) {
                schools.add(
                        new School(
                                reqText(school, "id"),
                                reqText(school, "name"),
                                School.Level.fromWire(reqText(school, "level")),
                                (int) reqLong(school, "rating"),
                                reqText(school, "grades"),
                                reqNumber(school, "distanceMiles"),
                                new Coordinates(
                                        reqNumber(school, "latitude"),
                                        reqNumber(school, "longitude"))));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid school: " + e.getMessage(), e);
        }
        return schools;
    }

    /** A PropertyComps payload. */
    static Comps comps(JsonNode data) throws IOException {
        JsonNode subject = data.path("subject");
        List<Comps.Comp> comps = new ArrayList<>();
        try {
            for (JsonNode comp : data.path("comps")) {
                comps.add(
                        new Comps.Comp(
                                V2Ids.toClient(reqLong(comp, "id")),
                                propertyType(reqText(comp, "propertyType")),
                                (int) reqLong(comp, "bedrooms"),
                                reqNumber(comp, "bathrooms"),
                                (int) reqLong(comp, "squareFeet"),
                                (int) optLong(comp, "lotSquareFeet", 0),
                                (int) optLong(comp, "yearBuilt", 0),
                                reqLong(comp, "estimatedValue"),
                                lastSale(comp),
                                new Coordinates(
                                        reqNumber(comp, "latitude"), reqNumber(comp, "longitude")),
                                reqNumber(comp, "distanceMiles")));
            }
            return new Comps(
                    V2Ids.toClient(reqLong(subject, "id")),
                    subject.path("estimatedValue").isNumber()
                            ? subject.path("estimatedValue").longValue()
                            : null,
                    comps);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid comps: " + e.getMessage(), e);
        }
    }

    /** Maps v2's property types; {@code OTHER} is the one v1 calls townhouse. */
    static PropertyType propertyType(String wire) throws IOException {
        return switch (wire) {
            case "SFR" -> PropertyType.SINGLE_FAMILY;
            case "CONDO" -> PropertyType.CONDO;
            case "MFR" -> PropertyType.MULTI_FAMILY;
            case "LAND" -> PropertyType.LAND;
            case "MOBILE" -> PropertyType.MOBILE_HOME;
            case "OTHER" -> PropertyType.TOWNHOUSE;
            default -> throw new IOException("unknown propertyType '" + wire + "'");
        };
    }

    /** The v2 name of a property type, for search filters. */
    static String wireName(PropertyType type) {
        return switch (type) {
            case SINGLE_FAMILY -> "SFR";
            case CONDO -> "CONDO";
            case MULTI_FAMILY -> "MFR";
            case LAND -> "LAND";
            case MOBILE_HOME -> "MOBILE";
            case TOWNHOUSE -> "OTHER";
        };
    }

    static Instant instant(JsonNode node, String field) throws IOException {
        String text = reqText(node, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IOException(field + " is not an ISO 8601 instant: '" + text + "'", e);
        }
    }

    static String reqText(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !(value.isTextual() || value.isNumber())) {
            throw new IOException("missing text member '" + field + "'");
        }
        return value.asText();
    }

    static long reqLong(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual() && DIGITS.matcher(value.asText()).matches()) {
            return Long.parseLong(value.asText());
        }
        if (value == null || !value.isNumber()) {
            throw new IOException("missing numeric member '" + field + "'");
        }
        return value.longValue();
    }

    private static double reqNumber(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IOException("missing numeric member '" + field + "'");
        }
        return value.doubleValue();
    }

    private static long optLong(JsonNode node, String field, long absent) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.longValue() : absent;
    }

    private static @Nullable String optText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static @Nullable LocalDate optDate(JsonNode node, String field) throws IOException {
        String text = optText(node, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new IOException(field + " is not a date: '" + text + "'", e);
        }
    }

    /** A member of the item, or of its {@code propertyInfo} when the item lacks it. */
    private static double number(JsonNode node, JsonNode info, String field) throws IOException {
        JsonNode value = node.path(field).isNumber() ? node.path(field) : info.path(field);
        if (!value.isNumber()) {
            throw new IOException("missing numeric member '" + field + "'");
        }
        return value.doubleValue();
    }

    private static String text(JsonNode node, JsonNode info, String field) throws IOException {
        return node.path(field).isTextual() ? node.path(field).asText() : reqText(info, field);
    }

    private static Address address(JsonNode node) throws IOException {
        if (!node.isObject()) {
            throw new IOException("missing object member 'address'");
        }
        return new Address(
                reqText(node, "address"),
                reqText(node, "city"),
                reqText(node, "state"),
                reqText(node, "zip"),
                optText(node, "county"),
                reqText(node, "label"));
    }

    private static Coordinates coordinates(JsonNode node, JsonNode info) throws IOException {
        return new Coordinates(number(node, info, "latitude"), number(node, info, "longitude"));
    }

    private static PropertyStatus status(JsonNode node) {
        if (node.path("mlsActive").asBoolean(false)) {
            return PropertyStatus.ACTIVE;
        }
        if (node.path("mlsPending").asBoolean(false)) {
            return PropertyStatus.PENDING;
        }
        if (node.path("mlsSold").asBoolean(false)) {
            return PropertyStatus.SOLD;
        }
        return PropertyStatus.OFF_MARKET;
    }

    /** The {@code lastSale} object of a detail, else the flat {@code lastSale...} members. */
    private static @Nullable LastSale lastSale(JsonNode node) throws IOException {
        JsonNode sale = node.path("lastSale");
        if (sale.isObject()) {
            LocalDate date = optDate(sale, "saleDate");
            return date == null ? null : new LastSale(date, optLong(sale, "saleAmount", 0));
        }
        LocalDate date = optDate(node, "lastSaleDate");
        return date == null ? null : new LastSale(date, optLong(node, "lastSaleAmount", 0));
    }

    private static @Nullable TaxAssessment taxAssessment(JsonNode node) throws IOException {
        if (!node.isObject()) {
            return null;
        }
        return new TaxAssessment(
                (int) reqLong(node, "year"),
                reqLong(node, "assessedValue"),
                reqLong(node, "taxAmount"));
    }
}
