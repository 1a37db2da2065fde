package dev.reapi.gateway.application.cache;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Who a read is for, to account its cost and enforce the daily record cap.
 *
 * @param userId the user the read is attributed to
 * @param endpoint the gateway endpoint, e.g. {@code details}
 * @param dailyRecordCap records per UTC day the user's plan allows, or empty for no cap
 */
public record Caller(String userId, String endpoint, OptionalLong dailyRecordCap) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(dailyRecordCap, "dailyRecordCap");
        if (dailyRecordCap.isPresent() && dailyRecordCap.getAsLong() < 0) {
            throw new IllegalArgumentException(
                    "dailyRecordCap must be >= 0, was " + dailyRecordCap.getAsLong());
        }
    }
}
