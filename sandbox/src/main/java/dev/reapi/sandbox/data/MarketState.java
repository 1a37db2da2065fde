package dev.reapi.sandbox.data;

import java.util.Set;

/**
 * The part of a property the market changes. Dates are epoch days ({@link PropertyRecord#NO_DATE}
 * when absent).
 *
 * @param status one of {@code active, pending, sold, off_market}
 * @param price list price while active or pending, the last known price otherwise; dollars
 * @param listingDay the listing date while active or pending
 * @param lastSaleDay the last sale's date
 * @param lastSalePrice the last sale's price, dollars (0 when no sale)
 * @param updatedAt epoch seconds of the last change
 */
public record MarketState(
        String status,
        long price,
        int listingDay,
        int lastSaleDay,
        long lastSalePrice,
        long updatedAt) {

    public static final String ACTIVE = "active";
    public static final String PENDING = "pending";
    public static final String SOLD = "sold";
    public static final String OFF_MARKET = "off_market";
    public static final Set<String> STATUSES = Set.of(ACTIVE, PENDING, SOLD, OFF_MARKET);

    public MarketState {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown status " + status);
        }
        if (price < 0) {
            throw new IllegalArgumentException("price must be >= 0, got " + price);
        }
    }

    public boolean listed() {
        return status.equals(ACTIVE) || status.equals(PENDING);
    }
}
