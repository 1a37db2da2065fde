package dev.reapi.client;

/** The state of the client's circuit breaker. */
public enum CircuitState {
    /** Calls flow normally. */
    CLOSED,
    /** Calls fail fast with {@link CircuitOpenException} until the wait in open state passes. */
    OPEN,
    /** A few probe calls decide whether to close again or reopen. */
    HALF_OPEN,
    /** The breaker was disabled or forced open by its owner. */
    OTHER
}
