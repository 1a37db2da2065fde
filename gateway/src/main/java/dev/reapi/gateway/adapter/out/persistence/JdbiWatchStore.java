package dev.reapi.gateway.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.client.model.ModelJson;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.gateway.application.cache.ValueCodec;
import dev.reapi.gateway.application.port.out.ChangeLog.Watchers;
import dev.reapi.gateway.application.port.out.WatchedProperties;
import dev.reapi.gateway.application.port.out.Watches;
import dev.reapi.gateway.domain.watch.Membership;
import dev.reapi.gateway.domain.watch.SearchMatcher;
import dev.reapi.gateway.domain.watch.Watch;
import dev.reapi.gateway.domain.watch.WatchKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Watches and saved-search membership in {@code watches} and {@code watch_members}. Also reads,
 * inside {@link JdbiChangeLogStore}'s transaction, the watchers of the properties it writes, and
 * updates membership there. Thread-safe.
 */
public final class JdbiWatchStore implements Watches, WatchedProperties {

    private static final ObjectMapper CRITERIA = ModelJson.newMapper();
    private static final String COLUMNS =
            "id, user_id, kind, property_id, criteria, callback_url, created_at";

    private final Jdbi jdbi;
    private final ValueCodec<Property> codec;

    /**
     * A store in {@code database}, which must be migrated.
     *
     * @param codec how replica rows are stored, to seed a new saved search's members
     */
    public JdbiWatchStore(Database database, ValueCodec<Property> codec) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public List<Watch> add(List<Watch> watches) {
        return JdbiOutboxStore.retryingOnConflict(
                jdbi,
                handle -> {
                    List<Watch> stored = new ArrayList<>();
                    for (Watch watch : watches) {
                        stored.add(insert(handle, watch));
                    }
                    return stored;
                });
    }

    private Watch insert(Handle handle, Watch watch) {
        int inserted =
                handle.createUpdate(
                                """
                                INSERT INTO watches (id, user_id, kind, property_id, criteria,
                                    callback_url, created_at)
                                VALUES (:id, :user, :kind, :property, :criteria, :callback, :at)
                                ON CONFLICT (user_id, property_id) DO NOTHING
                                """)
                        .bind("id", watch.id())
                        .bind("user", watch.userId())
                        .bind("kind", watch.kind().key())
                        .bind("property", watch.propertyId().orElse(null))
                        .bind("criteria", watch.search().map(JdbiWatchStore::json).orElse(null))
                        .bind("callback", watch.callbackUrl().orElse(null))
                        .bind("at", Timestamp.from(watch.createdAt()))
                        .execute();
        if (inserted == 0) {
            return handle.createQuery(
                            "SELECT "
                                    + COLUMNS
                                    + " FROM watches WHERE user_id = :user AND property_id = :p")
                    .bind("user", watch.userId())
                    .bind("p", watch.propertyId().orElseThrow())
                    .map((rs, ctx) -> map(rs))
                    .one();
        }
        watch.search().ifPresent(search -> seed(handle, watch.id(), search));
        return watch;
    }

    /** Makes every replicated property matching {@code search} a member of it. */
    private void seed(Handle handle, String watchId, SearchRequest search) {
        List<String> members = new ArrayList<>();
        try (Stream<String> payloads =
                handle
                        .createQuery("SELECT payload FROM replica_properties")
                        .mapTo(String.class)
                        .stream()) {
            payloads.map(codec::decode)
                    .filter(p -> SearchMatcher.matches(search, p))
                    .forEach(p -> members.add(p.id()));
        }
        join(handle, members.stream().map(id -> new Membership(watchId, id)).toList());
    }

    @Override
    public int count(String userId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery("SELECT COUNT(*) FROM watches WHERE user_id = :user")
                                .bind("user", userId)
                                .mapTo(Integer.class)
                                .one());
    }

    @Override
    public int countSearches(String userId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT COUNT(*) FROM watches WHERE user_id = :user"
                                                + " AND kind = 'search'")
                                .bind("user", userId)
                                .mapTo(Integer.class)
                                .one());
    }

    @Override
    public Optional<Watch> find(String userId, String watchId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM watches WHERE id = :id AND user_id ="
                                                + " :user")
                                .bind("id", watchId)
                                .bind("user", userId)
                                .map((rs, ctx) -> map(rs))
                                .findOne());
    }

    @Override
    public List<Watch> list(String userId, Optional<String> afterId, int limit) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT "
                                                + COLUMNS
                                                + " FROM watches WHERE user_id = :user AND id >"
                                                + " :after ORDER BY id LIMIT :limit")
                                .bind("user", userId)
                                .bind("after", afterId.orElse(""))
                                .bind("limit", limit)
                                .map((rs, ctx) -> map(rs))
                                .list());
    }

    @Override
    public boolean delete(String userId, String watchId) {
        return jdbi.inTransaction(
                handle -> {
                    int deleted =
                            handle.createUpdate(
                                            "DELETE FROM watches WHERE id = :id AND user_id ="
                                                    + " :user")
                                    .bind("id", watchId)
                                    .bind("user", userId)
                                    .execute();
                    if (deleted > 0) {
                        handle.createUpdate("DELETE FROM watch_members WHERE watch_id = :id")
                                .bind("id", watchId)
                                .execute();
                    }
                    return deleted > 0;
                });
    }

    @Override
    public Set<String> watchedPropertyIds() {
        return jdbi.withHandle(
                handle ->
                        Set.copyOf(
                                handle.createQuery(
                                                "SELECT DISTINCT property_id FROM watches"
                                                        + " WHERE kind = 'property'")
                                        .mapTo(String.class)
                                        .list()));
    }

    /**
     * Inside the caller's transaction: the property watches on {@code propertyIds}, every saved
     * search, and the searches' members among {@code propertyIds}.
     */
    static Watchers watchers(Handle handle, Collection<String> propertyIds) {
        List<String> ids = List.copyOf(new HashSet<>(propertyIds));
        if (ids.isEmpty()) {
            return new Watchers(List.of(), List.of(), Set.of());
        }
        List<Watch> ofProperties =
                handle.createQuery(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM watches WHERE kind = 'property'"
                                        + " AND property_id IN (<ids>) ORDER BY id")
                        .bindList("ids", ids)
                        .map((rs, ctx) -> map(rs))
                        .list();
        List<Watch> searches =
                handle.createQuery(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM watches WHERE kind = 'search'"
                                        + " ORDER BY id")
                        .map((rs, ctx) -> map(rs))
                        .list();
        Set<Membership> members =
                searches.isEmpty()
                        ? Set.of()
                        : Set.copyOf(
                                handle.createQuery(
                                                "SELECT watch_id, property_id FROM watch_members"
                                                        + " WHERE property_id IN (<ids>)")
                                        .bindList("ids", ids)
                                        .map(
                                                (rs, ctx) ->
                                                        new Membership(
                                                                rs.getString(1), rs.getString(2)))
                                        .list());
        return new Watchers(ofProperties, searches, members);
    }

    /** Inside the caller's transaction: records properties that entered a saved search. */
    static void join(Handle handle, List<Membership> joined) {
        batch(
                handle,
                "INSERT INTO watch_members (watch_id, property_id) VALUES (:watch, :property)"
                        + " ON CONFLICT (watch_id, property_id) DO NOTHING",
                joined);
    }

    /** Inside the caller's transaction: forgets properties that left a saved search. */
    static void leave(Handle handle, List<Membership> left) {
        batch(
                handle,
                "DELETE FROM watch_members WHERE watch_id = :watch AND property_id = :property",
                left);
    }

    private static void batch(Handle handle, String sql, List<Membership> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(sql);
        for (Membership m : rows) {
            batch.bind("watch", m.watchId()).bind("property", m.propertyId()).add();
        }
        batch.execute();
    }

    private static String json(SearchRequest search) {
        try {
            return CRITERIA.writeValueAsString(search);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a search request always serialises", e);
        }
    }

    private static Watch map(ResultSet rs) throws SQLException {
        String criteria = rs.getString("criteria");
        Optional<SearchRequest> search;
        try {
            search =
                    criteria == null
                            ? Optional.empty()
                            : Optional.of(CRITERIA.readValue(criteria, SearchRequest.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "watch " + rs.getString("id") + " has unreadable criteria", e);
        }
        return new Watch(
                rs.getString("id"),
                rs.getString("user_id"),
                WatchKind.fromKey(rs.getString("kind")).orElseThrow(),
                Optional.ofNullable(rs.getString("property_id")),
                search,
                Optional.ofNullable(rs.getString("callback_url")),
                rs.getTimestamp("created_at").toInstant());
    }
}
