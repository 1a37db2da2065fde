package dev.reapi.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One change the market simulation applied to a property.
 *
 * @param propertyId the property's id ({@code P} + nine digits)
 * @param oldStatus the status before, one of {@code active, pending, sold, off_market}
 * @param newStatus the status after (equal to {@code oldStatus} for a pure price change)
 * @param oldPrice the price before, whole US dollars
 * @param newPrice the price after, whole US dollars
 * @param changedAt the property's new {@code updated_at}
 */
public record MarketChange(
        String propertyId,
        String oldStatus,
        String newStatus,
        long oldPrice,
        long newPrice,
        Instant changedAt) {

    public MarketChange {
        Objects.requireNonNull(propertyId, "propertyId");
        Objects.requireNonNull(oldStatus, "oldStatus");
        Objects.requireNonNull(newStatus, "newStatus");
        Objects.requireNonNull(changedAt, "changedAt");
        if (oldPrice < 0 || newPrice < 0) {
            throw new IllegalArgumentException(
                    "prices must be >= 0, got oldPrice=" + oldPrice + ", newPrice=" + newPrice);
        }
    }

    /** Whether the price moved (a {@code property.price_changed} event). */
    public boolean priceChanged() {
        return oldPrice != newPrice;
    }

    /** Whether the status moved (a {@code property.status_changed} event). */
    public boolean statusChanged() {
        return !oldStatus.equals(newStatus);
    }
}
