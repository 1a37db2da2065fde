package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.sync.InboxState;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import java.time.Instant;
import java.util.List;
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
    boolean insertIfAbsent(WebhookEvent event, String rawBody, Instant receivedAt);

    /** Pending events, oldest {@code changedAt} first (then arrival order). */
    List<WebhookEvent> pending(int limit);

    /** The state of the event with this id, or empty if it was never received. */
    Optional<InboxState> state(String webhookId);

    /** How many events are in each state. */
    Counts counts();

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
