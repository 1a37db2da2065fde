package dev.reapi.gateway.application.port.out;

import dev.reapi.client.model.Property;
import java.util.Objects;
import java.util.Optional;

/**
 * Property details from the upstream together with what fetching them cost, for sources that share
 * one upstream call among several lookups (bulk batching): the ledger can then attribute each call
 * to exactly one lookup. Implementations are thread-safe and throw {@link UpstreamFailure} when the
 * upstream fails.
 */
public interface MeteredDetails {

    /** The property with {@code id}, or empty when the upstream has none, and its cost. */
    Metered lookup(String id, String requestId);

    /**
     * One lookup's answer and cost.
     *
     * @param property the property, or empty when it does not exist
     * @param upstreamCalls the upstream calls this lookup is charged with (0 when it shared a call
     *     charged to another lookup)
     * @param recordsBilled the records billed for this lookup
     */
    record Metered(Optional<Property> property, int upstreamCalls, int recordsBilled) {

        public Metered {
            Objects.requireNonNull(property, "property");
            if (upstreamCalls < 0 || recordsBilled < 0) {
                throw new IllegalArgumentException(
                        "upstreamCalls and recordsBilled must be >= 0, were "
                                + upstreamCalls
                                + " and "
                                + recordsBilled);
            }
        }
    }
}
