package dev.reapi.gateway.application.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.gateway.application.port.out.Outbox;
import dev.reapi.gateway.application.port.out.WebhookSender;
import dev.reapi.gateway.domain.job.RetryPolicy;
import dev.reapi.gateway.domain.notify.CallbackTarget;
import dev.reapi.gateway.domain.notify.Notification;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers pending notifications to their callback URLs as signed webhooks, at least once.
 *
 * <p>{@link #relayOnce} claims a batch of due deliveries with a lease (so that several gateway
 * instances share the work without sending one notification twice at the same time), sends each
 * one, and records the outcome. A failed delivery is retried with the policy's backoff and is dead
 * when its attempts are used up; it stays listed for its owner. A receiver may still see a message
 * twice (a crash between sending and recording): the {@code webhook-id} header is stable across
 * retries so that it can deduplicate. Thread-safe.
 */
public final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final WebhookSender sender;
    private final CallbackUrlPolicy policy;
    private final RetryPolicy retry;
    private final Duration lease;
    private final int batchSize;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RandomGenerator random;

    /**
     * A relay.
     *
     * @param retry attempts and backoff of deliveries
     * @param lease how long a claimed delivery is reserved for this instance; longer than a send
     * @param batchSize deliveries claimed per {@link #relayOnce}
     * @param random jitter of retry delays; access is synchronised here
     */
    public OutboxRelay(
            Outbox outbox,
            WebhookSender sender,
            CallbackUrlPolicy policy,
            RetryPolicy retry,
            Duration lease,
            int batchSize,
            ObjectMapper mapper,
            Clock clock,
            RandomGenerator random) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.batchSize = batchSize;
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Sends one batch of due deliveries; returns how many were attempted. */
    public int relayOnce() {
        List<Notification> due = outbox.claimDue(clock.instant(), lease, batchSize);
        for (Notification notification : due) {
            deliver(notification);
        }
        return due.size();
    }

    private void deliver(Notification notification) {
        String url = notification.callbackUrl().orElseThrow();
        Optional<CallbackTarget> target = outbox.target(notification.userId());
        if (target.isEmpty()) {
            fail(notification, "user has no signing secret; save notification settings first");
            return;
        }
        Optional<String> rejection = policy.rejection(url);
        if (rejection.isPresent()) {
            fail(notification, "callback URL " + rejection.get());
            return;
        }
        Instant now = clock.instant();
        WebhookSender.Result result =
                sender.send(
                        URI.create(url),
                        notification.messageId(),
                        now,
                        NotificationService.envelope(notification, mapper),
                        target.get().signingSecret());
        if (result.delivered()) {
            outbox.markDelivered(notification.id(), clock.instant());
            LOG.info(
                    "notification {} ({}) delivered to user {}",
                    notification.id(),
                    notification.eventType(),
                    notification.userId());
        } else {
            fail(notification, result.detail());
        }
    }

    private void fail(Notification notification, String error) {
        int attempts = notification.attempts() + 1;
        Instant now = clock.instant();
        if (!retry.allowsRetry(attempts)) {
            outbox.markFailed(notification.id(), error, Optional.empty(), now);
            LOG.warn(
                    "notification {} to user {} dead after {} attempts: {}",
                    notification.id(),
                    notification.userId(),
                    attempts,
                    error);
            return;
        }
        Duration delay;
        synchronized (random) {
            delay = retry.delayAfter(attempts, random.nextDouble());
        }
        outbox.markFailed(notification.id(), error, Optional.of(now.plus(delay)), now);
        LOG.info(
                "notification {} attempt {} failed ({}); retrying in {} ms",
                notification.id(),
                attempts,
                error,
                delay.toMillis());
    }
}
