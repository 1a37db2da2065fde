package dev.reapi.gateway.domain.ledger;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * What the upstream charges per billed record, to show usage as money.
 *
 * @param perRecord the price of one record; default 0.01
 * @param currency the currency; default USD
 */
public record RecordPrice(BigDecimal perRecord, Currency currency) {

    public RecordPrice {
        Objects.requireNonNull(perRecord, "perRecord");
        Objects.requireNonNull(currency, "currency");
        if (perRecord.signum() < 0) {
            throw new IllegalArgumentException("perRecord must be >= 0, was " + perRecord);
        }
    }

    /** 0.01 USD per record. */
    public static RecordPrice defaults() {
        return new RecordPrice(new BigDecimal("0.01"), Currency.getInstance("USD"));
    }

    /** The price of {@code records} records. */
    public BigDecimal of(long records) {
        return perRecord.multiply(BigDecimal.valueOf(records));
    }
}
