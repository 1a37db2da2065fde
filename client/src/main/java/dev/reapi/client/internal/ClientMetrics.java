package dev.reapi.client.internal;

/** Where the client reports calls and retries; no-op unless Micrometer is configured. */
public interface ClientMetrics extends AutoCloseable {

    /** Does nothing. */
    ClientMetrics NOOP = new ClientMetrics() {};

    /** A logical call finished with {@code outcome} after {@code nanos}. */
    default void recordCall(String operation, String outcome, long nanos) {}

    /** A call is about to retry because of {@code reason}. */
    default void recordRetry(String operation, String reason) {}

    /** Unregisters what this registered. */
    @Override
    default void close() {}
}
