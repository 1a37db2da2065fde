package dev.reapi.gateway.application.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.reapi.gateway.application.port.out.ResponseCache;
import dev.reapi.gateway.application.port.out.UsageLedger;
import dev.reapi.gateway.domain.cache.CacheEntry;
import dev.reapi.gateway.domain.cache.CacheKey;
import dev.reapi.gateway.domain.cache.CachePolicy;
import dev.reapi.gateway.domain.cache.Freshness;
import dev.reapi.gateway.domain.cache.NothingToServeException;
import dev.reapi.gateway.domain.ledger.DailyCapReachedException;
import dev.reapi.gateway.domain.ledger.UsageEntry;
import dev.reapi.gateway.domain.property.Provenance;
import dev.reapi.gateway.domain.property.Provenance.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read path's engine: answers a {@link Read} from the cache when it can, from the upstream when
 * it must, and from what is left when the upstream fails.
 *
 * <ul>
 *   <li>A fresh entry is served as {@link Source#CACHE} with its age.
 *   <li>On a miss, concurrent reads of one key share one upstream load (single flight): the first
 *       caller loads and is billed, the others wait for it and count as saved.
 *   <li>Within the grace window an expired entry is served at once and refreshed once in the
 *       background, however many reads arrive meanwhile.
 *   <li>When the upstream fails, a retained expired entry is served as {@link Source#STALE}, else
 *       the replica's copy as {@link Source#REPLICA}, else {@link NothingToServeException}.
 *   <li>"Not found" is cached for the policy's negative time to live.
 *   <li>Before a caller makes an upstream call its plan's daily record cap is checked ({@link
 *       DailyCapReachedException}).
 * </ul>
 *
 * <p>Every answered request is appended to the {@link UsageLedger} once. Time comes from the
 * injected clock. Thread-safe.
 */
public final class CachedReads {

    private static final Logger LOG = LoggerFactory.getLogger(CachedReads.class);
    private static final long DECODED_MAX_ENTRIES = 10_000;

    private final ResponseCache cache;
    private final UsageLedger ledger;
    private final CachePolicy policy;
    private final Clock clock;
    private final Executor refresher;
    private final Duration retryAfter;
    private final Predicate<Throwable> fallbackOn;
    private final ConcurrentHashMap<CacheKey, CompletableFuture<Fetched<?>>> inFlight =
            new ConcurrentHashMap<>();
    // Values already parsed from cache entries, by entry identity (weak keys compare by ==): a hit
    // on the same in-process entry reuses its value instead of parsing the JSON again, and the
    // value goes when the cache drops the entry. Values are immutable records, safe to share.
    private final Cache<CacheEntry, Object> decoded =
            Caffeine.newBuilder().weakKeys().maximumSize(DECODED_MAX_ENTRIES).build();

    /**
     * @param cache where answers are stored
     * @param ledger where usage is accounted
     * @param policy lifetimes per data type
     * @param clock the source of time
     * @param refresher runs background refreshes
     * @param retryAfter what {@link NothingToServeException} suggests (e.g. 30 s)
     * @param fallbackOn which loader failures mean "the upstream failed" and start the fallback
     *     chain; other failures (a rejected request, say) reach the caller unchanged
     */
    public CachedReads(
            ResponseCache cache,
            UsageLedger ledger,
            CachePolicy policy,
            Clock clock,
            Executor refresher,
            Duration retryAfter,
            Predicate<Throwable> fallbackOn) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.fallbackOn = Objects.requireNonNull(fallbackOn, "fallbackOn");
    }

    /** The policy this engine applies. */
    public CachePolicy policy() {
        return policy;
    }

    /**
     * Answers {@code read}.
     *
     * @throws NothingToServeException when the upstream failed and nothing else can answer
     * @throws DailyCapReachedException when an upstream call is needed and the cap is reached
     */
    public <V> ReadResult<V> read(Read<V> read) {
        Instant now = clock.instant();
        Optional<CacheEntry> cached = cache.get(read.key());
        if (cached.isPresent()) {
            CacheEntry entry = cached.get();
            Freshness freshness = policy.freshness(read.key().type(), entry, now);
            if (freshness == Freshness.FRESH) {
                return servedFromCache(read, entry, now, true);
            }
            if (freshness == Freshness.REVALIDATE) {
                boolean refreshing = refreshBehind(read, now);
                return servedFromCache(read, entry, now, !refreshing);
            }
        }
        return loadOnce(read, now);
    }

    private <V> ReadResult<V> loadOnce(Read<V> read, Instant now) {
        CompletableFuture<Fetched<?>> running = inFlight.get(read.key());
        if (running != null) {
            return follow(read, running);
        }
        checkCap(read.caller(), now);
        var mine = new CompletableFuture<Fetched<?>>();
        running = inFlight.putIfAbsent(read.key(), mine);
        if (running != null) {
            return follow(read, running);
        }
        try {
            return lead(read, mine);
        } finally {
            inFlight.remove(read.key(), mine);
        }
    }

    private <V> ReadResult<V> lead(Read<V> read, CompletableFuture<Fetched<?>> mine) {
        Optional<CacheEntry> filled = cache.get(read.key());
        Instant now = clock.instant();
        if (filled.isPresent()
                && policy.freshness(read.key().type(), filled.get(), now) == Freshness.FRESH) {
            CacheEntry entry = filled.get();
            mine.complete(new Fetched<>(decode(read, entry), entry, 0, true));
            return servedFromCache(read, entry, now, true);
        }
        var usage = new UpstreamUsage();
        Fetched<V> fetched;
        try {
            fetched = fetch(read, usage);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            return afterFailure(read, e, usage);
        }
        mine.complete(fetched);
        account(read.caller(), usage);
        return new ReadResult<>(
                fetched.value(), Provenance.fresh(usage.calls()), json(fetched.entry()));
    }

    private <V> ReadResult<V> follow(Read<V> read, CompletableFuture<Fetched<?>> running) {
        Fetched<V> fetched;
        try {
            fetched = cast(running.join());
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return afterFailure(read, cause, new UpstreamUsage());
        }
        ledger.append(UsageEntry.saved(clock.instant(), read.caller().userId(), endpoint(read)));
        if (fetched.fromCache()) {
            long age = fetched.entry().age(clock.instant()).toSeconds();
            return new ReadResult<>(
                    fetched.value(), new Provenance(Source.CACHE, age, 0), json(fetched.entry()));
        }
        return new ReadResult<>(
                fetched.value(), Provenance.fresh(fetched.calls()), json(fetched.entry()));
    }

    /** Loads from the upstream and stores the outcome; throws what the loader threw. */
    private <V> Fetched<V> fetch(Read<V> read, UpstreamUsage usage) {
        Optional<V> value = read.loader().load(usage);
        Instant at = clock.instant();
        CacheEntry entry =
                value.map(v -> CacheEntry.of(read.codec().encode(v), at))
                        .orElseGet(() -> CacheEntry.notFound(at));
        var type = read.key().type();
        cache.put(read.key(), entry, policy.freshFor(type, entry), policy.keepFor(type, entry));
        return new Fetched<>(value, entry, usage.calls(), false);
    }

    private <V> ReadResult<V> afterFailure(Read<V> read, Throwable failure, UpstreamUsage usage) {
        if (!fallbackOn.test(failure)) {
            account(read.caller(), usage);
            throw failure instanceof RuntimeException r
                    ? r
                    : new CompletionException(failure.getMessage(), failure);
        }
        try {
            ReadResult<V> answer = fallBack(read, failure);
            account(read.caller(), usage);
            return answer;
        } catch (NothingToServeException e) {
            if (usage.calls() > 0) {
                account(read.caller(), usage);
            }
            throw e;
        }
    }

    private <V> ReadResult<V> fallBack(Read<V> read, Throwable failure) {
        Instant now = clock.instant();
        Optional<CacheEntry> stale = cache.get(read.key());
        if (stale.isPresent() && !stale.get().negative()) {
            CacheEntry entry = stale.get();
            if (policy.freshness(read.key().type(), entry, now) != Freshness.EXPIRED) {
                LOG.debug("upstream failed, serving stale {}: {}", read.key(), failure.toString());
                long age = entry.age(now).toSeconds();
                return new ReadResult<>(
                        decode(read, entry), new Provenance(Source.STALE, age, 0), json(entry));
            }
        }
        Optional<Read.Replicated<V>> replicated = findReplica(read);
        if (replicated.isPresent()) {
            LOG.debug("upstream failed, serving replica {}: {}", read.key(), failure.toString());
            Duration age = Duration.between(replicated.get().fetchedAt(), now);
            long seconds = Math.max(0, age.toSeconds());
            Optional<V> value = Optional.of(replicated.get().value());
            return new ReadResult<>(value, new Provenance(Source.REPLICA, seconds, 0));
        }
        throw new NothingToServeException(read.key().render(), retryAfter, failure);
    }

    private <V> Optional<Read.Replicated<V>> findReplica(Read<V> read) {
        try {
            return read.replica().find();
        } catch (RuntimeException e) {
            LOG.warn("replica lookup failed for {}, treating it as absent", read.key(), e);
            return Optional.empty();
        }
    }

    /** Starts one background refresh unless one runs; whether this call started it. */
    private boolean refreshBehind(Read<?> read, Instant now) {
        if (inFlight.containsKey(read.key()) || capReached(read.caller(), now)) {
            return false;
        }
        var mine = new CompletableFuture<Fetched<?>>();
        if (inFlight.putIfAbsent(read.key(), mine) != null) {
            return false;
        }
        try {
            refresher.execute(() -> refresh(read, mine));
            return true;
        } catch (RejectedExecutionException e) {
            inFlight.remove(read.key(), mine);
            mine.cancel(false);
            LOG.warn("background refresh of {} rejected, serving the cached entry", read.key());
            return false;
        }
    }

    private void refresh(Read<?> read, CompletableFuture<Fetched<?>> mine) {
        var usage = new UpstreamUsage();
        try {
            mine.complete(fetch(read, usage));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            LOG.warn(
                    "background refresh of {} failed, keeping the cached entry: {}",
                    read.key(),
                    e.toString());
        } finally {
            inFlight.remove(read.key(), mine);
            account(read.caller(), usage);
        }
    }

    private <V> ReadResult<V> servedFromCache(
            Read<V> read, CacheEntry entry, Instant now, boolean account) {
        if (account) {
            ledger.append(UsageEntry.saved(now, read.caller().userId(), endpoint(read)));
        }
        long age = entry.age(now).toSeconds();
        return new ReadResult<>(
                decode(read, entry), new Provenance(Source.CACHE, age, 0), json(entry));
    }

    private void account(Caller caller, UpstreamUsage usage) {
        Instant at = clock.instant();
        if (usage.calls() == 0 && usage.records() == 0) {
            ledger.append(UsageEntry.saved(at, caller.userId(), caller.endpoint()));
        } else {
            ledger.append(
                    UsageEntry.billed(
                            at,
                            caller.userId(),
                            caller.endpoint(),
                            usage.calls(),
                            usage.records()));
        }
    }

    private void checkCap(Caller caller, Instant now) {
        if (capReached(caller, now)) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            long billed = ledger.recordsBilled(caller.userId(), today);
            Instant resetsAt = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            throw new DailyCapReachedException(
                    caller.userId(),
                    caller.dailyRecordCap().getAsLong(),
                    billed,
                    resetsAt,
                    Duration.between(now, resetsAt));
        }
    }

    private boolean capReached(Caller caller, Instant now) {
        if (caller.dailyRecordCap().isEmpty()) {
            return false;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return ledger.recordsBilled(caller.userId(), today) >= caller.dailyRecordCap().getAsLong();
    }

    /** The entry's value; parsed once per entry instance, then reused while that entry lives. */
    private <V> Optional<V> decode(Read<V> read, CacheEntry entry) {
        if (entry.negative()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked") // an entry is only ever stored under one key, of one type
        V value = (V) decoded.get(entry, e -> read.codec().decode(e.payload()));
        return Optional.of(value);
    }

    private static Optional<String> json(CacheEntry entry) {
        return entry.negative() ? Optional.empty() : Optional.of(entry.payload());
    }

    private static String endpoint(Read<?> read) {
        return read.caller().endpoint();
    }

    @SuppressWarnings("unchecked") // one key always carries one value type
    private static <V> Fetched<V> cast(Fetched<?> fetched) {
        return (Fetched<V>) fetched;
    }

    /** The outcome of one load, shared with the reads that waited for it. */
    private record Fetched<V>(Optional<V> value, CacheEntry entry, int calls, boolean fromCache) {}
}
