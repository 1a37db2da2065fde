package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.sync.InboxState;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Received webhook events, deduplicated by {@code webhook-id}, kept until applied and afterwards
 * for the record. Implementations are thread-safe.
 */
public interface WebhookInbox {

    /**
     * Stores {@code event} as pending unless an event with its id was stored before.
     *
     * @param rawBody the body as received, kept for diagnosis
     * @return whether it was new
     */
    default boolean insertIfAbsent(WebhookEvent event, String rawBody, Instant receivedAt) {
        return insertAllIfAbsent(List.of(new Received(event, rawBody, receivedAt))).getFirst();
    }

    /**
     * Stores each event as pending unless an event with its id was stored before (earlier in {@code
     * received} included), all in one transaction.
     *
     * @return for each event, in order, whether it was new
     */
    List<Boolean> insertAllIfAbsent(List<Received> received);

    /** Pending events, oldest {@code changedAt} first (then arrival order). */
    List<WebhookEvent> pending(int limit);

    /** The state of the event with this id, or empty if it was never received. */
    Optional<InboxState> state(String webhookId);

    /** How many events are in each state. */
    Counts counts();

    /**
     * An event as received.
     *
     * @param rawBody the body as received, kept for diagnosis
     */
    record Received(WebhookEvent event, String rawBody, Instant receivedAt) {

        public Received {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(rawBody, "rawBody");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    /** Event counts by state. */
    record Counts(long pending, long applied, long stale, long unknown) {

        public Counts {
            if (pending < 0 || applied < 0 || stale < 0 || unknown < 0) {
                throw new IllegalArgumentException("counts must be >= 0");
            }
        }

        /** Whether nothing waits to be applied. */
        public boolean drained() {
            return pending == 0;
        }
    }
}
