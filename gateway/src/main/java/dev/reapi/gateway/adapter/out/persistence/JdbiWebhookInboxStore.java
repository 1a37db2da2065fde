package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.application.port.out.WebhookInbox;
import dev.reapi.gateway.domain.sync.InboxState;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The webhook inbox ({@code webhook_inbox}): insert-if-absent by {@code webhook-id}, so redelivered
 * and duplicated events are stored once. {@link JdbiChangeLogStore} marks events when it applies
 * them. Thread-safe.
 */
public final class JdbiWebhookInboxStore implements WebhookInbox {

    private static final String INSERT =
            """
            INSERT INTO webhook_inbox (webhook_id, event_type, property_id, changed_at, new_value,
                                       payload, state, received_at)
            VALUES (:id, :type, :propertyId, :changedAt, :newValue, :payload, 'pending',
                    :receivedAt)
            ON CONFLICT (webhook_id) DO NOTHING
            """;

    private static final String PENDING =
            "SELECT webhook_id, event_type, property_id, changed_at, new_value FROM webhook_inbox"
                    + " WHERE state = 'pending' ORDER BY changed_at, seq LIMIT :limit";

    private final Jdbi jdbi;

    /** An inbox in {@code database}, which must be migrated. */
    public JdbiWebhookInboxStore(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public List<Boolean> insertAllIfAbsent(List<Received> received) {
        if (received.isEmpty()) {
            return List.of();
        }
        int[] counts =
                jdbi.inTransaction(
                        handle -> {
                            PreparedBatch batch = handle.prepareBatch(INSERT);
                            for (Received r : received) {
                                WebhookEvent event = r.event();
                                batch.bind("id", event.webhookId())
                                        .bind("type", event.type().wireName())
                                        .bind("propertyId", event.propertyId())
                                        .bind("changedAt", Timestamp.from(event.changedAt()))
                                        .bind("newValue", event.newValue())
                                        .bind("payload", r.rawBody())
                                        .bind("receivedAt", Timestamp.from(r.receivedAt()))
                                        .add();
                            }
                            return batch.execute();
                        });
        List<Boolean> fresh = new ArrayList<>(counts.length);
        for (int count : counts) {
            fresh.add(count > 0);
        }
        return fresh;
    }

    @Override
    public List<WebhookEvent> pending(int limit) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(PENDING)
                                .bind("limit", limit)
                                .map(
                                        (rs, ctx) ->
                                                new WebhookEvent(
                                                        rs.getString("webhook_id"),
                                                        WebhookEvent.Type.fromWire(
                                                                rs.getString("event_type")),
                                                        rs.getString("property_id"),
                                                        rs.getString("new_value"),
                                                        rs.getTimestamp("changed_at").toInstant()))
                                .list());
    }

    @Override
    public Optional<InboxState> state(String webhookId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery("SELECT state FROM webhook_inbox WHERE webhook_id = :id")
                                .bind("id", webhookId)
                                .mapTo(String.class)
                                .findOne()
                                .map(s -> InboxState.valueOf(s.toUpperCase(Locale.ROOT))));
    }

    @Override
    public Counts counts() {
        Map<InboxState, Long> counts = new EnumMap<>(InboxState.class);
        jdbi.useHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT state, COUNT(*) AS n FROM webhook_inbox"
                                                + " GROUP BY state")
                                .map(
                                        (rs, ctx) ->
                                                Map.entry(
                                                        InboxState.valueOf(
                                                                rs.getString("state")
                                                                        .toUpperCase(Locale.ROOT)),
                                                        rs.getLong("n")))
                                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return new Counts(
                counts.getOrDefault(InboxState.PENDING, 0L),
                counts.getOrDefault(InboxState.APPLIED, 0L),
                counts.getOrDefault(InboxState.STALE, 0L),
                counts.getOrDefault(InboxState.UNKNOWN, 0L));
    }
}
