package dev.reapi.sandbox.http;

import dev.reapi.sandbox.data.AreaFacts;
import dev.reapi.sandbox.data.Geography;
import dev.reapi.sandbox.data.MarketState;
import dev.reapi.sandbox.data.PropertyIds;
import dev.reapi.sandbox.data.PropertyRecord;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Writes properties, valuations and area facts in the vendor's {@code /v2} field names. */
final class V2Json {
    private static final Pattern APN = Pattern.compile("[0-9]{3}-[0-9]{3}-[0-9]{3}");
    private static final Map<String, String> TYPES =
            Map.of(
                    "single_family", "SFR",
                    "condo", "CONDO",
                    "multi_family", "MFR",
                    "land", "LAND",
                    "mobile_home", "MOBILE",
                    "townhouse", "OTHER");

    private V2Json() {}

    /** The sandbox's APN of a property: its id zero-padded to nine digits, split in threes. */
    static String apn(long id) {
        String nine = PropertyIds.format(id).substring(1);
        return nine.substring(0, 3) + "-" + nine.substring(3, 6) + "-" + nine.substring(6);
    }

    /** The id of a well-formed sandbox APN, or empty. */
    static OptionalLong parseApn(String apn) {
        return APN.matcher(apn).matches()
                ? OptionalLong.of(Long.parseLong(apn.replace("-", "")))
                : OptionalLong.empty();
    }

    /** The vendor's property type code of a v1 type. */
    static String type(String v1Type) {
        return TYPES.getOrDefault(v1Type, "OTHER");
    }

    static String label(PropertyRecord p, Geography g) {
        return PropertyJson.formattedAddress(p, g);
    }

    /** The search summary's members, written into an open object. */
    static void summary(JsonOut out, PropertyRecord p, Geography g, long estimate, int today) {
        int z = p.zipIndex();
        MarketState m = p.market();
        String street = p.street();
        int space = street.indexOf(' ');
        out.field("id", p.id()).field("apn", apn(p.id())).field("propertyType", type(p.type()));
        out.name("address")
                .beginObject()
                .field("address", street)
                .field("house", space < 0 ? "" : street.substring(0, space))
                .field("street", space < 0 ? street : street.substring(space + 1))
                .field("city", g.city(z))
                .field("state", g.state(z))
                .field("zip", g.zip(z))
                .field("label", label(p, g))
                .endObject();
        out.field("latitude", p.lat())
                .field("longitude", p.lng())
                .field("bedrooms", p.beds())
                .field("bathrooms", p.baths())
                .field("squareFeet", p.livingAreaSqft())
                .field("lotSquareFeet", p.lotSizeSqft())
                .field("yearBuilt", p.yearBuilt())
                .field("estimatedValue", estimate);
        boolean listed = m.listed() && m.listingDay() != PropertyRecord.NO_DATE;
        out.name("mlsActive").value(m.status().equals(MarketState.ACTIVE));
        out.name("mlsPending").value(m.status().equals(MarketState.PENDING));
        out.name("mlsSold").value(m.status().equals(MarketState.SOLD));
        if (listed) {
            out.field("mlsListingPrice", m.price())
                    .field("mlsListingDate", Times.date(m.listingDay()))
                    .field("mlsDaysOnMarket", Math.max(0, today - m.listingDay()));
        } else {
            out.name("mlsListingPrice").nullValue();
            out.name("mlsListingDate").nullValue();
            out.name("mlsDaysOnMarket").nullValue();
        }
        if (m.lastSaleDay() == PropertyRecord.NO_DATE) {
            out.name("lastSaleDate").nullValue().name("lastSaleAmount").nullValue();
        } else {
            out.field("lastSaleDate", Times.date(m.lastSaleDay()))
                    .field("lastSaleAmount", m.lastSalePrice());
        }
        out.field("lastUpdateDate", isoMillis(m.updatedAt()));
    }

    /** The detail's members beyond the summary, written into an open object. */
    static void detail(JsonOut out, PropertyRecord p) {
        out.name("propertyInfo")
                .beginObject()
                .field("bedrooms", p.beds())
                .field("bathrooms", p.baths())
                .field("squareFeet", p.livingAreaSqft())
                .field("lotSquareFeet", p.lotSizeSqft())
                .field("yearBuilt", p.yearBuilt())
                .field("propertyType", type(p.type()))
                .field("latitude", p.lat())
                .field("longitude", p.lng())
                .endObject();
        out.name("taxInfo")
                .beginObject()
                .field("year", p.taxYear())
                .field("assessedValue", p.assessedValue())
                .field("taxAmount", p.taxAmount())
                .endObject();
        MarketState m = p.market();
        out.name("lastSale");
        if (m.lastSaleDay() == PropertyRecord.NO_DATE) {
            out.nullValue();
        } else {
            out.beginObject()
                    .field("saleDate", Times.date(m.lastSaleDay()))
                    .field("saleAmount", m.lastSalePrice())
                    .endObject();
        }
    }

    static void demographics(JsonOut out, AreaFacts.Demographics d, Geography g) {
        int zip = d.zipIndex();
        out.beginObject()
                .field("zip", g.zip(zip))
                .field("city", g.city(zip))
                .field("state", g.state(zip))
                .field("population", d.population())
                .field("medianHouseholdIncome", d.medianHouseholdIncome())
                .field("medianAge", d.medianAge())
                .field("households", d.households())
                .field("ownerOccupiedShare", d.ownerOccupiedShare())
                .field("medianHomeValue", d.medianHomeValue())
                .field("unemploymentRate", d.unemploymentRate())
                .endObject();
    }

    static void schools(JsonOut out, List<AreaFacts.School> schools) {
        out.beginArray();
        for (AreaFacts.School s : schools) {
            out.beginObject()
                    .field("id", s.id())
                    .field("name", s.name())
                    .field("level", s.level())
                    .field("rating", s.rating())
                    .field("grades", s.grades())
                    .field("distanceMiles", s.distanceMiles())
                    .field("latitude", s.lat())
                    .field("longitude", s.lng())
                    .endObject();
        }
        out.endArray();
    }

    /** A valuation's members, written into an open object. */
    static void avm(JsonOut out, PropertyRecord p, Geography g, AreaFacts.Valuation v, int today) {
        int z = p.zipIndex();
        out.field("id", p.id())
                .field("apn", apn(p.id()))
                .field("avm", v.estimate())
                .field("avmMin", v.low())
                .field("avmMax", v.high())
                .field("confidence", v.confidence())
                .field("address", p.street())
                .field("city", g.city(z))
                .field("state", g.state(z))
                .field("zip", g.zip(z))
                .field("label", label(p, g))
                .field("lastUpdateDate", isoMillis(today * 86_400L));
    }

    /** An ISO 8601 instant with milliseconds, as the vendor writes them. */
    static String isoMillis(long epochSecond) {
        String s = Times.instant(epochSecond);
        return s.substring(0, s.length() - 1) + ".000Z";
    }
}
