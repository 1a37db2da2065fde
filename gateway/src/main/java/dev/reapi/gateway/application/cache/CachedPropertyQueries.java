package dev.reapi.gateway.application.cache;

import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.gateway.application.port.in.Answer;
import dev.reapi.gateway.application.port.in.PropertyQueries;
import dev.reapi.gateway.application.port.out.MeteredDetails;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.application.port.out.ReplicaStore;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.domain.cache.CacheKey;
import dev.reapi.gateway.domain.cache.CacheKeys;
import dev.reapi.gateway.domain.cache.NothingToServeException;
import dev.reapi.gateway.domain.property.EnrichedProperty;
import dev.reapi.gateway.domain.property.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The property read path through the cache: every query is answered by {@link CachedReads}, whose
 * misses call the {@link PropertySource}; every property read from the upstream is recorded through
 * {@link ReadReplication} (the replica and its change history), and the replica answers details
 * when the upstream and the cache cannot. Search keys carry the {@link SearchGeneration}, so that a
 * change which makes cached searches stale can drop them all.
 *
 * <p>Usage is attributed to the user this instance is bound to ({@link #forUser}); an unbound
 * instance attributes it to {@value #ANONYMOUS}. Each upstream call counts as one call, and records
 * are counted as the upstream bills them: one per property in a search page, one per detail,
 * valuation, demographics answer or school list. Thread-safe.
 */
public final class CachedPropertyQueries implements PropertyQueries {

    /** The user unbound queries are attributed to. */
    public static final String ANONYMOUS = "anonymous";

    private static final Logger LOG = LoggerFactory.getLogger(CachedPropertyQueries.class);

    private final CachedReads reads;
    private final PropertySource source;
    private final Optional<MeteredDetails> details;
    private final ReplicaStore replica;
    private final ReadReplication replication;
    private final SearchGeneration generation;
    private final PropertyCodecs codecs;
    private final String userId;
    private final OptionalLong dailyRecordCap;

    /**
     * Queries attributed to {@value #ANONYMOUS}, without a daily cap.
     *
     * @param details where detail misses go when present (a batching source that says which lookup
     *     paid for a shared call); {@code source} otherwise
     * @param replica what the fallback reads
     * @param replication where every property read from the upstream is recorded; it runs inside
     *     the read, and a failure of it is logged, never the read's failure
     * @param generation the generation of search keys
     */
    public CachedPropertyQueries(
            CachedReads reads,
            PropertySource source,
            Optional<MeteredDetails> details,
            ReplicaStore replica,
            ReadReplication replication,
            SearchGeneration generation,
            PropertyCodecs codecs) {
        this(
                reads,
                source,
                details,
                new Stores(replica, replication, generation),
                codecs,
                ANONYMOUS,
                OptionalLong.empty());
    }

    private CachedPropertyQueries(
            CachedReads reads,
            PropertySource source,
            Optional<MeteredDetails> details,
            Stores stores,
            PropertyCodecs codecs,
            String userId,
            OptionalLong dailyRecordCap) {
        this.reads = Objects.requireNonNull(reads, "reads");
        this.source = Objects.requireNonNull(source, "source");
        this.details = Objects.requireNonNull(details, "details");
        this.replica = Objects.requireNonNull(stores.replica(), "replica");
        this.replication = Objects.requireNonNull(stores.replication(), "replication");
        this.generation = Objects.requireNonNull(stores.generation(), "generation");
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.dailyRecordCap = Objects.requireNonNull(dailyRecordCap, "dailyRecordCap");
    }

    /** The same queries, attributed to {@code user} and held to its plan's daily record cap. */
    @Override
    public CachedPropertyQueries forUser(String user, OptionalLong cap) {
        return new CachedPropertyQueries(
                reads,
                source,
                details,
                new Stores(replica, replication, generation),
                codecs,
                user,
                cap);
    }

    @Override
    public Answer<SearchPage> search(SearchRequest request, String requestId) {
        CacheKey key = generation.apply(CacheKeys.search(codecs.searchTree().apply(request)));
        Read.Loader<SearchPage> loader =
                usage -> {
                    SearchPage page = upstream(usage, () -> source.search(request, requestId));
                    usage.add(0, page.properties().size());
                    replicate(page.properties());
                    return Optional.of(page);
                };
        return found(read(key, "search", codecs.searchPage(), loader), key);
    }

    @Override
    public Answer<Property> property(String id, String requestId) {
        CacheKey key = CacheKeys.details(id);
        Read.Loader<Property> loader =
                usage -> {
                    Optional<Property> found = loadDetails(id, requestId, usage);
                    found.ifPresent(p -> replicate(List.of(p)));
                    return found;
                };
        Read<Property> read =
                new Read<>(key, caller("details"), codecs.property(), loader, () -> replicaOf(id));
        return found(reads.read(read), key);
    }

    @Override
    public Answer<Valuation> valuation(String id, String requestId) {
        CacheKey key = CacheKeys.valuationById(id);
        Read.Loader<Valuation> loader =
                usage -> single(usage, () -> source.valuation(id, requestId));
        return found(read(key, "valuation", codecs.valuation(), loader), key);
    }

    @Override
    public Answer<Valuation> valuationByAddress(String address, String requestId) {
        CacheKey key = CacheKeys.valuationByAddress(address);
        Read.Loader<Valuation> loader =
                usage -> single(usage, () -> source.valuationByAddress(address, requestId));
        return found(read(key, "valuation_by_address", codecs.valuation(), loader), key);
    }

    @Override
    public Answer<Demographics> demographics(String id, String requestId) {
        Answer<Property> property = property(id, requestId);
        Answer<Demographics> area = demographicsOf(property.data(), requestId);
        return new Answer<>(
                area.data(), withCalls(area.provenance(), property.provenance()), area.json());
    }

    @Override
    public Answer<Schools> schools(String id, String requestId) {
        Answer<Property> property = property(id, requestId);
        Answer<Schools> schools = schoolsNear(property.data(), requestId);
        return new Answer<>(
                schools.data(),
                withCalls(schools.provenance(), property.provenance()),
                schools.json());
    }

    @Override
    public Answer<EnrichedProperty> enriched(String id, String requestId) {
        Answer<Property> property = property(id, requestId);
        List<String> missing = new ArrayList<>();
        List<Provenance> parts = new ArrayList<>(List.of(property.provenance()));
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            var valuation = submit(parallel, () -> valuation(id, requestId));
            var area = submit(parallel, () -> demographicsOf(property.data(), requestId));
            var schools = submit(parallel, () -> schoolsNear(property.data(), requestId));
            var enriched =
                    new EnrichedProperty(
                            property.data(),
                            part("valuation", valuation, missing, parts, requestId),
                            part("demographics", area, missing, parts, requestId),
                            part("schools", schools, missing, parts, requestId),
                            missing);
            Provenance provenance = Provenances.combine(parts);
            return new Answer<>(enriched, enriched.partial() ? provenance.asPartial() : provenance);
        }
    }

    private Answer<Demographics> demographicsOf(Property property, String requestId) {
        CacheKey key = CacheKeys.demographics(property.id());
        Read.Loader<Demographics> loader =
                usage -> single(usage, () -> source.demographics(property, requestId));
        return found(read(key, "demographics", codecs.demographics(), loader), key);
    }

    private Answer<Schools> schoolsNear(Property property, String requestId) {
        CacheKey key = CacheKeys.schools(property.id());
        Read.Loader<Schools> loader =
                usage -> single(usage, () -> source.schools(property, requestId));
        return found(read(key, "schools", codecs.schools(), loader), key);
    }

    private Optional<Property> loadDetails(String id, String requestId, UpstreamUsage usage) {
        if (details.isEmpty()) {
            return single(usage, () -> source.property(id, requestId));
        }
        MeteredDetails.Metered metered;
        try {
            metered = details.get().lookup(id, requestId);
        } catch (UpstreamFailure e) {
            usage.add(1, 0);
            throw e;
        }
        usage.add(metered.upstreamCalls(), metered.recordsBilled());
        return metered.property();
    }

    private <V> ReadResult<V> read(
            CacheKey key, String endpoint, ValueCodec<V> codec, Read.Loader<V> loader) {
        return reads.read(Read.of(key, caller(endpoint), codec, loader));
    }

    private Caller caller(String endpoint) {
        return new Caller(userId, endpoint, dailyRecordCap);
    }

    /** One upstream call billing one record when found; "not found" is an empty answer. */
    private static <V> Optional<V> single(UpstreamUsage usage, Upstream<V> call) {
        try {
            V value = upstream(usage, call);
            usage.add(0, 1);
            return Optional.of(value);
        } catch (UpstreamFailure e) {
            if (e.kind() == UpstreamFailure.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Makes one upstream call, counting it whether or not it succeeds. */
    private static <V> V upstream(UpstreamUsage usage, Upstream<V> call) {
        usage.add(1, 0);
        return call.get();
    }

    private static <V> Answer<V> found(ReadResult<V> result, CacheKey key) {
        return result.value()
                .map(value -> new Answer<>(value, result.provenance(), result.json()))
                .orElseThrow(
                        () ->
                                new UpstreamFailure(
                                        UpstreamFailure.Kind.NOT_FOUND,
                                        "the upstream has no such record (" + key + ")",
                                        Optional.empty(),
                                        new IllegalStateException("not found: " + key)));
    }

    private void replicate(List<Property> properties) {
        if (properties.isEmpty()) {
            return;
        }
        try {
            replication.replicate(properties);
        } catch (RuntimeException e) {
            LOG.warn("recording {} read properties in the replica failed", properties.size(), e);
        }
    }

    private Optional<Read.Replicated<Property>> replicaOf(String id) {
        return replica.find(id)
                .map(r -> new Read.Replicated<>(codecs.property().decode(r.json()), r.fetchedAt()));
    }

    private static Provenance withCalls(Provenance data, Provenance lookup) {
        return new Provenance(
                data.source(), data.ageSeconds(), data.upstreamCalls() + lookup.upstreamCalls());
    }

    private static <T> CompletableFuture<Answer<T>> submit(
            ExecutorService executor, Supplier<Answer<T>> part) {
        return CompletableFuture.supplyAsync(part, executor);
    }

    private static <T> Optional<T> part(
            String name,
            CompletableFuture<Answer<T>> future,
            List<String> missing,
            List<Provenance> parts,
            String requestId) {
        try {
            Answer<T> answer = future.join();
            parts.add(answer.provenance());
            return Optional.of(answer.data());
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof UpstreamFailure || cause instanceof NothingToServeException) {
                LOG.warn(
                        "Request {}: enrichment part {} failed: {}",
                        requestId,
                        name,
                        cause.toString());
                missing.add(name);
                return Optional.empty();
            }
            throw cause instanceof RuntimeException r ? r : e;
        }
    }

    /** What the queries write to and fall back on, kept together for the per-user copies. */
    private record Stores(
            ReplicaStore replica, ReadReplication replication, SearchGeneration generation) {}

    /** One upstream call. */
    @FunctionalInterface
    private interface Upstream<V> {
        V get();
    }
}
