package dev.reapi.sandbox.data;

/**
 * One property as served: the generated facts merged with the market's latest state. Dates are
 * epoch days ({@link #NO_DATE} when absent), instants epoch seconds.
 *
 * @param id the numeric id (the wire id is {@code P} + nine digits)
 * @param zipIndex the index of its ZIP in {@link Geography}
 * @param street house number and street name
 * @param lat latitude
 * @param lng longitude
 * @param type one of the contract's property types
 * @param market status, price, listing and sale, updated_at
 * @param beds bedrooms
 * @param baths bathrooms, half baths count 0.5
 * @param livingAreaSqft living area, square feet
 * @param lotSizeSqft lot size, square feet
 * @param yearBuilt year built; 0 for land
 * @param taxYear the year of the tax assessment
 * @param assessedValue assessed value, dollars
 * @param taxAmount yearly tax, dollars
 */
public record PropertyRecord(
        long id,
        int zipIndex,
        String street,
        double lat,
        double lng,
        String type,
        MarketState market,
        int beds,
        double baths,
        int livingAreaSqft,
        int lotSizeSqft,
        int yearBuilt,
        int taxYear,
        long assessedValue,
        long taxAmount) {

    /** Marks an absent date. */
    public static final int NO_DATE = Integer.MIN_VALUE;

    /** The wire id: {@code P} followed by nine digits. */
    public String wireId() {
        return PropertyIds.format(id);
    }

    public PropertyRecord withMarket(MarketState value) {
        return new PropertyRecord(
                id,
                zipIndex,
                street,
                lat,
                lng,
                type,
                value,
                beds,
                baths,
                livingAreaSqft,
                lotSizeSqft,
                yearBuilt,
                taxYear,
                assessedValue,
                taxAmount);
    }
}
