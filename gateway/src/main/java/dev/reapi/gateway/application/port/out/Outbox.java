package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.notify.CallbackTarget;
import dev.reapi.gateway.domain.notify.NewNotification;
import dev.reapi.gateway.domain.notify.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The notification outbox and users' webhook settings. Appending is idempotent per event key; each
 * user's notifications are numbered without gaps in commit order, so a stream reading by sequence
 * number never skips one. Implementations are thread-safe.
 */
public interface Outbox {

    /**
     * Appends a notification in its own transaction. Without a callback URL of its own it takes the
     * user's configured one; without either it is only listed and streamed.
     *
     * @return the stored notification (the earlier one when the event key was already used)
     */
    Notification append(NewNotification notification, Instant now);

    /** A user's notifications with a sequence number above {@code afterSeq}, oldest first. */
    List<Notification> listForUser(String userId, long afterSeq, int limit);

    /**
     * Claims pending deliveries that are due, for {@code lease}; a claimed row is not returned
     * again by any instance until the lease ends or the row is marked.
     */
    List<Notification> claimDue(Instant now, Duration lease, int limit);

    /** Marks a claimed delivery as accepted by the callback. */
    void markDelivered(long id, Instant now);

    /**
     * Records a failed delivery attempt.
     *
     * @param retryAt when to try again; empty when the delivery is dead
     */
    void markFailed(long id, String error, Optional<Instant> retryAt, Instant now);

    /** A user's webhook settings, if they were ever saved. */
    Optional<CallbackTarget> target(String userId);

    /**
     * Saves a user's default callback URL (an empty string for none), keeping the signing secret
     * when one exists and storing {@code newSecret} otherwise.
     */
    CallbackTarget saveTarget(String userId, String callbackUrl, String newSecret, Instant now);
}
