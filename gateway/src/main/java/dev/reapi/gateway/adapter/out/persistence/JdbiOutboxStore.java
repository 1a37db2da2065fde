package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.application.port.out.Outbox;
import dev.reapi.gateway.domain.notify.CallbackTarget;
import dev.reapi.gateway.domain.notify.DeliveryState;
import dev.reapi.gateway.domain.notify.NewNotification;
import dev.reapi.gateway.domain.notify.Notification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The notification outbox and webhook settings in the gateway's database.
 *
 * <p>Each user's notifications get a gap-free sequence number from the user's counter row in {@code
 * outbox_sequences}, incremented in the appending transaction. Two transactions appending for one
 * user at once queue on that row's lock: the second reads the counter only after the first
 * committed (or rolled back), so a number is visible only after every smaller one committed, and a
 * reader paging by number never skips a row. On SQLite writers are serialised anyway.
 *
 * <p>Thread-safe.
 */
public final class JdbiOutboxStore implements Outbox {

    private static final int MAX_CONFLICT_RETRIES = 8;
    private static final String COLUMNS =
            """
            id, user_id, seq, event_type, event_key, payload, callback_url, state, attempts,
            next_attempt_at, last_error, created_at, delivered_at
            """;

    private static final String INSERT_WITH_SEQ =
            """
            INSERT INTO outbox (user_id, seq, event_type, event_key, payload, callback_url, state,
                attempts, next_attempt_at, created_at)
            VALUES (:user, :seq, :type, :key, :payload, :callback, :state, 0, :next, :now)
            RETURNING
            """;
    private static final String INSERT_WITH_COUNTER_POSTGRES =
            """
            WITH counter AS (
                INSERT INTO outbox_sequences (user_id, last_seq) VALUES (:user, 1)
                ON CONFLICT (user_id) DO UPDATE SET last_seq = outbox_sequences.last_seq + 1
                RETURNING last_seq)
            INSERT INTO outbox (user_id, seq, event_type, event_key, payload, callback_url, state,
                attempts, next_attempt_at, created_at)
            SELECT CAST(:user AS TEXT), counter.last_seq, CAST(:type AS TEXT), CAST(:key AS TEXT),
                CAST(:payload AS TEXT), CAST(:callback AS TEXT), CAST(:state AS TEXT), 0,
                CAST(:next AS TIMESTAMPTZ), CAST(:now AS TIMESTAMPTZ)
            FROM counter
            RETURNING
            """;

    private final Jdbi jdbi;

    /** An outbox over {@code jdbi}. */
    public JdbiOutboxStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Notification append(NewNotification notification, Instant now) {
        return retryingOnConflict(jdbi, handle -> insert(handle, notification, now));
    }

    /**
     * Appends inside the caller's transaction; an event key already present keeps the earlier row,
     * which is returned.
     */
    static Notification insert(Handle handle, NewNotification notification, Instant now) {
        Optional<Notification> existing = byEventKey(handle, notification.eventKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<String> callback =
                notification.callbackUrl().or(() -> defaultCallback(handle, notification.userId()));
        // Last before the commit: the counter row stays locked until then. PostgreSQL takes the
        // number and inserts in one statement, one round trip less inside that lock.
        Query insert;
        if (isPostgres(handle)) {
            insert = handle.createQuery(INSERT_WITH_COUNTER_POSTGRES + COLUMNS);
        } else {
            insert =
                    handle.createQuery(INSERT_WITH_SEQ + COLUMNS)
                            .bind("seq", nextSeq(handle, notification.userId()));
        }
        return insert.bind("user", notification.userId())
                .bind("type", notification.eventType())
                .bind("key", notification.eventKey())
                .bind("payload", notification.payloadJson())
                .bind("callback", callback.orElse(null))
                .bind(
                        "state",
                        (callback.isPresent() ? DeliveryState.PENDING : DeliveryState.NONE).key())
                .bind("next", callback.isPresent() ? Timestamp.from(now) : null)
                .bind("now", Timestamp.from(now))
                .map((rs, ctx) -> map(rs))
                .one();
    }

    /** Takes the user's next sequence number, locking their counter row until the commit. */
    private static long nextSeq(Handle handle, String userId) {
        return handle.createQuery(
                        """
                        INSERT INTO outbox_sequences (user_id, last_seq) VALUES (:user, 1)
                        ON CONFLICT (user_id)
                            DO UPDATE SET last_seq = outbox_sequences.last_seq + 1
                        RETURNING last_seq
                        """)
                .bind("user", userId)
                .mapTo(Long.class)
                .one();
    }

    private static boolean isPostgres(Handle handle) {
        try {
            return handle.getConnection()
                    .getMetaData()
                    .getDatabaseProductName()
                    .equals("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database's dialect", e);
        }
    }

    private static Optional<String> defaultCallback(Handle handle, String userId) {
        return handle.createQuery("SELECT callback_url FROM webhook_targets WHERE user_id = :user")
                .bind("user", userId)
                .mapTo(String.class)
                .findOne()
                .filter(url -> !url.isEmpty());
    }

    private static Optional<Notification> byEventKey(Handle handle, String key) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE event_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    @Override
    public List<Notification> listForUser(String userId, long afterSeq, int limit) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM outbox WHERE user_id = :user AND seq >"
                                                + " :after ORDER BY seq LIMIT :limit")
                                .bind("user", userId)
                                .bind("after", afterSeq)
                                .bind("limit", limit)
                                .map((rs, ctx) -> map(rs))
                                .list());
    }

    @Override
    public List<Notification> claimDue(Instant now, Duration lease, int limit) {
        return jdbi.inTransaction(
                handle -> {
                    List<Long> due =
                            handle.createQuery(
                                            """
                                            SELECT id FROM outbox
                                            WHERE state = 'pending' AND next_attempt_at <= :now
                                                AND (claimed_until IS NULL OR claimed_until <= :now)
                                            ORDER BY next_attempt_at, id LIMIT :limit
                                            """)
                                    .bind("now", Timestamp.from(now))
                                    .bind("limit", limit)
                                    .mapTo(Long.class)
                                    .list();
                    List<Notification> claimed = new ArrayList<>();
                    for (long id : due) {
                        int won =
                                handle.createUpdate(
                                                """
                                                UPDATE outbox SET claimed_until = :until
                                                WHERE id = :id AND state = 'pending'
                                                    AND (claimed_until IS NULL
                                                        OR claimed_until <= :now)
                                                """)
                                        .bind("id", id)
                                        .bind("until", Timestamp.from(now.plus(lease)))
                                        .bind("now", Timestamp.from(now))
                                        .execute();
                        if (won == 1) {
                            claimed.add(byId(handle, id));
                        }
                    }
                    return claimed;
                });
    }

    private static Notification byId(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .one();
    }

    @Override
    public void markDelivered(long id, Instant now) {
        jdbi.useHandle(
                handle ->
                        handle.createUpdate(
                                        """
                                        UPDATE outbox SET state = 'delivered', delivered_at = :now,
                                            attempts = attempts + 1, claimed_until = NULL,
                                            next_attempt_at = NULL, last_error = NULL
                                        WHERE id = :id AND state = 'pending'
                                        """)
                                .bind("id", id)
                                .bind("now", Timestamp.from(now))
                                .execute());
    }

    @Override
    public void markFailed(long id, String error, Optional<Instant> retryAt, Instant now) {
        jdbi.useHandle(
                handle ->
                        handle.createUpdate(
                                        """
                                        UPDATE outbox SET state = :state, attempts = attempts + 1,
                                            claimed_until = NULL, next_attempt_at = :next,
                                            last_error = :error
                                        WHERE id = :id AND state = 'pending'
                                        """)
                                .bind("id", id)
                                .bind(
                                        "state",
                                        (retryAt.isPresent()
                                                        ? DeliveryState.PENDING
                                                        : DeliveryState.DEAD)
                                                .key())
                                .bind("next", retryAt.map(Timestamp::from).orElse(null))
                                .bind(
                                        "error",
                                        error.length() > 500 ? error.substring(0, 500) : error)
                                .execute());
    }

    @Override
    public Optional<CallbackTarget> target(String userId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT user_id, callback_url, signing_secret"
                                                + " FROM webhook_targets WHERE user_id = :user")
                                .bind("user", userId)
                                .map(
                                        (rs, ctx) ->
                                                new CallbackTarget(
                                                        rs.getString(1),
                                                        rs.getString(2),
                                                        rs.getString(3)))
                                .findOne());
    }

    @Override
    public CallbackTarget saveTarget(
            String userId, String callbackUrl, String newSecret, Instant now) {
        return retryingOnConflict(
                jdbi,
                handle -> {
                    int updated =
                            handle.createUpdate(
                                            "UPDATE webhook_targets SET callback_url = :url,"
                                                    + " updated_at = :now WHERE user_id = :user")
                                    .bind("user", userId)
                                    .bind("url", callbackUrl)
                                    .bind("now", Timestamp.from(now))
                                    .execute();
                    if (updated == 0) {
                        handle.createUpdate(
                                        """
                                        INSERT INTO webhook_targets (user_id, callback_url,
                                            signing_secret, updated_at)
                                        VALUES (:user, :url, :secret, :now)
                                        """)
                                .bind("user", userId)
                                .bind("url", callbackUrl)
                                .bind("secret", newSecret)
                                .bind("now", Timestamp.from(now))
                                .execute();
                    }
                    return handle.createQuery(
                                    "SELECT user_id, callback_url, signing_secret"
                                            + " FROM webhook_targets WHERE user_id = :user")
                            .bind("user", userId)
                            .map(
                                    (rs, ctx) ->
                                            new CallbackTarget(
                                                    rs.getString(1),
                                                    rs.getString(2),
                                                    rs.getString(3)))
                            .one();
                });
    }

    /**
     * Runs {@code work} in a transaction, running it again from the start when it lost a race on a
     * unique index or a serialisation check to a concurrent transaction.
     */
    static <T> T retryingOnConflict(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(work);
            } catch (UnableToExecuteStatementException e) {
                if (attempt >= MAX_CONFLICT_RETRIES || !isConflict(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("23505".equals(state) || "40001".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Notification map(ResultSet rs) throws SQLException {
        String error = rs.getString("last_error");
        return new Notification(
                rs.getLong("id"),
                rs.getString("user_id"),
                rs.getLong("seq"),
                rs.getString("event_type"),
                rs.getString("event_key"),
                rs.getString("payload"),
                Optional.ofNullable(rs.getString("callback_url")),
                DeliveryState.fromKey(rs.getString("state")).orElseThrow(),
                rs.getInt("attempts"),
                JobReads.instant(rs, "next_attempt_at"),
                Optional.ofNullable(error),
                JobReads.instant(rs, "created_at").orElseThrow(),
                JobReads.instant(rs, "delivered_at"));
    }
}
