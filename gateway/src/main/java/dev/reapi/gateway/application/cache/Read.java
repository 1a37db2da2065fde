package dev.reapi.gateway.application.cache;

import dev.reapi.gateway.domain.cache.CacheKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One read through the cache engine.
 *
 * @param key what is read
 * @param caller who it is for
 * @param codec how the value is stored in the cache
 * @param loader fetches the value from the upstream on a miss
 * @param replica looks the value up in the replica when the upstream fails; {@link #noReplica()}
 *     when there is none for this kind of data
 * @param <V> the value type
 */
public record Read<V>(
        CacheKey key,
        Caller caller,
        ValueCodec<V> codec,
        Loader<V> loader,
        ReplicaLookup<V> replica) {

    public Read {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(replica, "replica");
    }

    /** A read of data that has no replica. */
    public static <V> Read<V> of(CacheKey key, Caller caller, ValueCodec<V> codec, Loader<V> l) {
        return new Read<>(key, caller, codec, l, noReplica());
    }

    /** A replica lookup that never finds anything. */
    public static <V> ReplicaLookup<V> noReplica() {
        return Optional::empty;
    }

    /**
     * Fetches a value from the upstream.
     *
     * @param <V> the value type
     */
    @FunctionalInterface
    public interface Loader<V> {

        /**
         * Fetches the value, adding every upstream call (failed ones too) and every billed record
         * to {@code usage} as it goes.
         *
         * @return the value, or empty when the upstream says it does not exist
         * @throws RuntimeException when the upstream fails
         */
        Optional<V> load(UpstreamUsage usage);
    }

    /**
     * Finds the replicated value when the upstream fails.
     *
     * @param <V> the value type
     */
    @FunctionalInterface
    public interface ReplicaLookup<V> {

        /** The replicated value and when it was fetched, or empty. */
        Optional<Replicated<V>> find();
    }

    /**
     * A value from the replica.
     *
     * @param value the value
     * @param fetchedAt when the gateway last read it from the upstream
     * @param <V> the value type
     */
    public record Replicated<V>(V value, Instant fetchedAt) {

        public Replicated {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
        }
    }
}
