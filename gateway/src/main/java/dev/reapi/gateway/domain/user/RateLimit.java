package dev.reapi.gateway.domain.user;

import java.time.Duration;
import java.util.Objects;

/**
 * A budget of {@code requests} per {@code window}, refilled gradually (a token bucket whose
 * capacity is the whole budget).
 */
public record RateLimit(long requests, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1, was " + requests);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
    }
}
