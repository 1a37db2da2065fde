package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * The upstream's liveness answer.
 *
 * @param status {@code ok} when the API is up
 * @param time the server's clock
 */
public record Health(String status, Instant time) {

    /** Requires both members. */
    public Health {
        Checks.notNull("status", status);
        Checks.notNull("time", time);
    }

    /** Whether the server reported {@code ok}. */
    @JsonIgnore
    public boolean isOk() {
        return "ok".equals(status);
    }
}
