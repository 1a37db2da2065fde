package dev.reapi.gateway.application.sync;

import dev.reapi.client.Provider;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.model.BulkRequest;
import dev.reapi.client.model.Property;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiSyncCheckpointStore;
import dev.reapi.gateway.adapter.out.upstream.ClientChangeFiles;
import dev.reapi.gateway.adapter.out.upstream.ClientPropertySource;
import dev.reapi.gateway.adapter.out.upstream.ClientUpdatedFeed;
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

/**
 * A migrated database, an applier and a batch sync (the updated feed on v1, the change files on v2)
 * against one sandbox, for one test.
 */
final class SyncRig implements AutoCloseable {

    static final ValueCodec<Property> CODEC = JsonCodecs.propertyCodecs().property();

    final String url;
    final Database db;
    final JdbiChangeLogStore log;
    final ChangeApplier applier;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Provider provider;
    final Clock clock;

    /** A client of the rig's provider. */
    final RealEstateApiClient client;

    private final RealEstateApiClient v1;
    private final List<Runnable> closing = new ArrayList<>();

    SyncRig(Database.Dialect dialect, Path dir, Sandbox sandbox) {
        this(dialect, dir, sandbox, Provider.V1, Clock.systemUTC());
    }

    /** A rig speaking {@code provider}, whose sync and client read the time from {@code clock}. */
    SyncRig(Database.Dialect dialect, Path dir, Sandbox sandbox, Provider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
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
        client = client(sandbox, provider, clock);
        v1 = provider == Provider.V1 ? client : client(sandbox, Provider.V1, clock);
    }

    private static RealEstateApiClient client(Sandbox sandbox, Provider provider, Clock clock) {
        return RealEstateApiClient.builder()
                .provider(provider)
                .apiKey("sandbox")
                .baseUrl(sandbox.baseUrl())
                .maxAttempts(1)
                .withoutCircuitBreaker()
                .clock(clock)
                .build();
    }

    /** The batch sync of the rig's provider. */
    ReplicaSync sync(int pageSize) {
        return provider == Provider.V1 ? batch(pageSize) : changeFiles(pageSize);
    }

    ChangeFileSync changeFiles(int pageSize) {
        var source = new ClientPropertySource(client, clock);
        return new ChangeFileSync(
                new ClientChangeFiles(client, source),
                source,
                applier,
                new DeletionSweep(new JdbiReplicaStore(db), log, CODEC, ChangeHook.none(), clock),
                new JdbiSyncCheckpointStore(db),
                new ChangeFileSync.Settings(pageSize, 1),
                clock,
                meters);
    }

    /** The batch sync over the client's feed, which keeps each property's JSON as served. */
    BatchSync batch(int pageSize) {
        return new BatchSync(
                new ClientUpdatedFeed(client),
                applier,
                new JdbiSyncCheckpointStore(db),
                new BatchSync.Settings(pageSize, java.time.Duration.ofHours(1)),
                Clock.systemUTC(),
                meters);
    }

    /**
     * The upstream's current version of every property, by id, as the rig's provider describes it
     * (v2 maps some fields differently, e.g. an off-market property's price).
     */
    Map<String, Property> truth() {
        Map<String, Property> truth =
                v1.updatedSince(Instant.EPOCH).collect(Collectors.toMap(Property::id, p -> p));
        if (provider == Provider.V1) {
            return truth;
        }
        List<String> ids = List.copyOf(truth.keySet());
        Map<String, Property> described = new HashMap<>();
        for (int i = 0; i < ids.size(); i += BulkRequest.MAX_IDS) {
            client.getProperties(ids.subList(i, Math.min(ids.size(), i + BulkRequest.MAX_IDS)))
                    .properties()
                    .forEach(p -> described.put(p.id(), p));
        }
        return described;
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
        if (v1 != client) {
            v1.close();
        }
        closing.forEach(Runnable::run);
    }
}
