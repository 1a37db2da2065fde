package dev.reapi.gateway.application.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.application.job.InvalidJobRequest;
import dev.reapi.gateway.application.port.out.Outbox;
import dev.reapi.gateway.domain.notify.CallbackTarget;
import dev.reapi.gateway.domain.notify.Notification;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A user's notifications and webhook settings. A user gets a signing secret the first time their
 * settings are saved and keeps it when the URL changes. Thread-safe.
 */
public final class NotificationService {

    private static final int SECRET_BYTES = 24;

    private final Outbox outbox;
    private final CallbackUrlPolicy policy;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RandomGenerator random;

    /**
     * A service.
     *
     * @param random source of signing secrets; must be secure outside tests; access is synchronised
     *     here
     */
    public NotificationService(
            Outbox outbox,
            CallbackUrlPolicy policy,
            ObjectMapper mapper,
            Clock clock,
            RandomGenerator random) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Up to {@code limit} of a user's notifications after sequence number {@code afterSeq}, oldest
     * first, whatever their delivery state (dead deliveries included).
     */
    public List<Notification> list(String userId, long afterSeq, int limit) {
        return outbox.listForUser(userId, afterSeq, limit);
    }

    /** A user's webhook settings, if saved. */
    public Optional<CallbackTarget> settings(String userId) {
        return outbox.target(userId);
    }

    /**
     * Saves a user's default callback URL; an empty string removes it.
     *
     * @throws InvalidJobRequest when the URL is not acceptable
     */
    public CallbackTarget saveSettings(String userId, String callbackUrl) {
        if (!callbackUrl.isEmpty()) {
            policy.rejection(callbackUrl)
                    .ifPresent(
                            reason -> {
                                throw new InvalidJobRequest(
                                        List.of(
                                                new InvalidJobRequest.FieldProblem(
                                                        "callback_url", reason)));
                            });
        }
        return outbox.saveTarget(userId, callbackUrl, newSecret(), clock.instant());
    }

    /**
     * The document delivered for a notification, by webhook and on the stream: its type, time and
     * data, as Standard Webhooks suggests.
     */
    public String envelope(Notification notification) {
        return envelope(notification, mapper);
    }

    static String envelope(Notification notification, ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", notification.eventType());
        body.put("timestamp", notification.createdAt().toString());
        body.put("seq", notification.seq());
        try {
            body.set("data", mapper.readTree(notification.payloadJson()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            body.put("data", notification.payloadJson());
        }
        return body.toString();
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
