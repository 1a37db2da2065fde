package dev.reapi.gateway.domain.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification in the outbox with its delivery state.
 *
 * @param id the outbox row's id, unique across users
 * @param userId whose notification it is
 * @param seq the user's gap-free sequence number, from 1; the SSE event id
 * @param eventType what happened, e.g. {@code job.succeeded}
 * @param eventKey unique per event
 * @param payloadJson the event's data as a JSON object
 * @param callbackUrl where delivery goes; empty when only streamed and listed
 * @param state where its delivery is
 * @param attempts delivery attempts made
 * @param nextAttemptAt when a pending delivery is due
 * @param lastError why the latest attempt failed
 * @param createdAt when it was appended
 * @param deliveredAt when a callback accepted it
 */
public record Notification(
        long id,
        String userId,
        long seq,
        String eventType,
        String eventKey,
        String payloadJson,
        Optional<String> callbackUrl,
        DeliveryState state,
        int attempts,
        Optional<Instant> nextAttemptAt,
        Optional<String> lastError,
        Instant createdAt,
        Optional<Instant> deliveredAt) {

    public Notification {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        if (seq < 1 || attempts < 0) {
            throw new IllegalArgumentException(
                    "notification " + id + ": seq must be >= 1 and attempts >= 0");
        }
    }

    /** The Standard Webhooks message id: stable across retries, unique per event. */
    public String messageId() {
        return "msg_" + id;
    }
}
