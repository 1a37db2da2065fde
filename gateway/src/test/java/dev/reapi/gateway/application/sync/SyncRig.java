package dev.reapi.gateway.application.sync;

import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.UpdatedRequest;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiSyncCheckpointStore;
import dev.reapi.gateway.application.cache.ValueCodec;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.domain.sync.PropertyChange;
import dev.reapi.gateway.domain.sync.TrackedField;
import dev.reapi.gateway.testing.TestPostgres;
import dev.reapi.sandbox.Sandbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A migrated database, an applier and a batch sync against one sandbox, for one test. */
final class SyncRig implements AutoCloseable {

    static final ValueCodec<Property> CODEC = JsonCodecs.propertyCodecs().property();

    final String url;
    final Database db;
    final JdbiChangeLogStore log;
    final ChangeApplier applier;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RealEstateApiClient client;
    private final List<Runnable> closing = new ArrayList<>();

    SyncRig(Database.Dialect dialect, Path dir, Sandbox sandbox) {
        String url;
        if (dialect == Database.Dialect.SQLITE) {
            url = "jdbc:sqlite:" + dir.resolve("reapi.db");
        } else {
            TestPostgres.PostgresSchema schema = TestPostgres.freshSchema();
            closing.add(schema::close);
            url = schema.jdbcUrl();
        }
        this.url = url;
        db = Database.open(url);
        closing.addFirst(db::close);
        log = new JdbiChangeLogStore(db);
        applier = new ChangeApplier(log, CODEC, ChangeHook.none(), Clock.systemUTC());
        client =
                RealEstateApiClient.builder()
                        .apiKey("sandbox")
                        .baseUrl(sandbox.baseUrl())
                        .maxAttempts(1)
                        .withoutCircuitBreaker()
                        .build();
    }

    BatchSync batch(int pageSize) {
        return new BatchSync(
                (since, cursor, limit) ->
                        client.getUpdated(new UpdatedRequest(since, cursor, limit)),
                applier,
                new JdbiSyncCheckpointStore(db),
                new BatchSync.Settings(pageSize, java.time.Duration.ofHours(1)),
                Clock.systemUTC(),
                meters);
    }

    /** The upstream's current version of every property, by id. */
    Map<String, Property> truth() {
        return client.updatedSince(Instant.EPOCH).collect(Collectors.toMap(Property::id, p -> p));
    }

    Optional<Property> replica(String id) {
        return new JdbiReplicaStore(db).find(id).map(r -> CODEC.decode(r.json()));
    }

    /** Every recorded change of these properties, by (property, field, version), counted. */
    Map<String, Integer> changeCounts(Iterable<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        for (String id : ids) {
            for (PropertyChange c : log.history(id, Optional.empty(), 1000)) {
                counts.merge(c.propertyId() + "/" + c.field() + "/" + c.version(), 1, Integer::sum);
            }
        }
        return counts;
    }

    static String key(String id, TrackedField field, Instant version) {
        return id + "/" + field + "/" + version;
    }

    /** The tracked fields and version of {@code p}, for comparing with the truth. */
    static Map<String, String> tracked(Property p) {
        Map<String, String> values = new HashMap<>();
        for (TrackedField field : TrackedField.values()) {
            values.put(field.wireName(), field.valueOf(p));
        }
        values.put("updated_at", p.updatedAt().toString());
        return values;
    }

    @Override
    public void close() {
        client.close();
        closing.forEach(Runnable::run);
    }
}
