package dev.reapi.sandbox.http;

import dev.reapi.sandbox.data.Geography;
import dev.reapi.sandbox.data.MarketState;
import dev.reapi.sandbox.data.PropertyRecord;

/** Writes properties in the contract's {@code Property} shape. Stateless. */
final class PropertyJson {
    private PropertyJson() {}

    static String formattedAddress(PropertyRecord p, Geography g) {
        int z = p.zipIndex();
        return p.street() + ", " + g.city(z) + ", " + g.state(z) + " " + g.zip(z);
    }

    static void write(JsonOut out, PropertyRecord p, Geography g, int todayEpochDay) {
        int z = p.zipIndex();
        MarketState m = p.market();
        out.beginObject().field("id", p.wireId());
        out.name("address")
                .beginObject()
                .field("street", p.street())
                .field("city", g.city(z))
                .field("state", g.state(z))
                .field("zip", g.zip(z))
                .field("formatted", formattedAddress(p, g))
                .endObject();
        out.name("coordinates")
                .beginObject()
                .field("lat", p.lat())
                .field("lng", p.lng())
                .endObject();
        out.field("property_type", p.type())
                .field("status", m.status())
                .field("price", m.price())
                .field("beds", p.beds())
                .field("baths", p.baths())
                .field("living_area_sqft", p.livingAreaSqft())
                .field("lot_size_sqft", p.lotSizeSqft())
                .field("year_built", p.yearBuilt());
        if (m.listed() && m.listingDay() != PropertyRecord.NO_DATE) {
            out.field("listing_date", Times.date(m.listingDay()));
            out.field("days_on_market", Math.max(0, todayEpochDay - m.listingDay()));
        } else {
            out.name("listing_date").nullValue().name("days_on_market").nullValue();
        }
        out.name("last_sale");
        if (m.lastSaleDay() == PropertyRecord.NO_DATE) {
            out.nullValue();
        } else {
            out.beginObject()
                    .field("date", Times.date(m.lastSaleDay()))
                    .field("price", m.lastSalePrice())
                    .endObject();
        }
        out.name("tax_assessment")
                .beginObject()
                .field("year", p.taxYear())
                .field("assessed_value", p.assessedValue())
                .field("tax_amount", p.taxAmount())
                .endObject();
        out.field("updated_at", Times.instant(m.updatedAt())).endObject();
    }
}
