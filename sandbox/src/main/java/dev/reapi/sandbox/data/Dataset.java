package dev.reapi.sandbox.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The current truth: generated properties with the market's changes laid over them. Only changed
 * properties take memory (one overlay entry and one feed key each). Reads are lock-free; changes
 * are serialised so that feed keys strictly increase. Thread-safe.
 */
public final class Dataset {
    private final PropertyGenerator generator;
    private final ConcurrentHashMap<Long, MarketState> overlay = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<FeedKey> changed = new ConcurrentSkipListSet<>();
    private FeedKey lastKey;

    public Dataset(PropertyGenerator generator) {
        this.generator = generator;
        this.lastKey = new FeedKey(generator.anchorDay() * 86_400L, 0);
    }

    public PropertyGenerator generator() {
        return generator;
    }

    public Geography geography() {
        return generator.geography();
    }

    public long count() {
        return generator.count();
    }

    /** The property with this numeric id as it is now, if it exists. */
    public Optional<PropertyRecord> find(long id) {
        if (id < 1 || id > generator.count()) {
            return Optional.empty();
        }
        return Optional.of(current(id));
    }

    /** The property as it is now; {@code id} must be in 1..count. */
    public PropertyRecord current(long id) {
        PropertyRecord base = generator.generate(id);
        MarketState state = overlay.get(id);
        return state == null ? base : base.withMarket(state);
    }

    /** The ids of a ZIP's properties, ascending. */
    public long[] idsOfZip(int zipIndex) {
        long z = generator.geography().size();
        long first = zipIndex + 1L;
        if (first > generator.count()) {
            return new long[0];
        }
        long[] ids = new long[(int) ((generator.count() - first) / z + 1)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = first + i * z;
        }
        return ids;
    }

    /**
     * Applies a market change to a property at {@code nowSecond}. The new updated_at is the clock's
     * second, nudged forward by a second when needed so that the feed key (updated_at, id) is
     * greater than every key handed out before: a change can never land behind a cursor.
     *
     * @return the state before and after
     */
    public synchronized Change apply(long id, long nowSecond, UnaryOperator<MarketState> change) {
        PropertyRecord before = current(id);
        long t = Math.max(nowSecond, lastKey.updatedAt());
        if (t == lastKey.updatedAt() && id <= lastKey.id()) {
            t++;
        }
        MarketState next = change.apply(before.market());
        MarketState stamped =
                new MarketState(
                        next.status(),
                        next.price(),
                        next.listingDay(),
                        next.lastSaleDay(),
                        next.lastSalePrice(),
                        t);
        FeedKey key = new FeedKey(t, id);
        changed.add(key);
        MarketState old = overlay.put(id, stamped);
        if (old != null) {
            changed.remove(new FeedKey(old.updatedAt(), id));
        }
        lastKey = key;
        return new Change(before, before.withMarket(stamped));
    }

    /** How many properties the market has changed. */
    public int changedCount() {
        return overlay.size();
    }

    /**
     * One page of the updated feed: properties with updated_at at or after {@code sinceSecond} and
     * a key greater than {@code after} (when given), in (updated_at, id) order.
     */
    public FeedPage updated(long sinceSecond, @Nullable FeedKey after, int limit) {
        FeedKey from = new FeedKey(sinceSecond, 0);
        if (after != null && after.compareTo(from) > 0) {
            from = after;
        }
        long nextBase = firstBaseAfter(from);
        Iterator<FeedKey> overlayKeys = changed.tailSet(from, false).iterator();
        FeedKey nextOverlay = nextLive(overlayKeys);
        List<PropertyRecord> page = new ArrayList<>(Math.min(limit, 1_000));
        FeedKey last = null;
        while (page.size() < limit) {
            nextBase = skipChanged(nextBase);
            FeedKey baseKey =
                    nextBase <= generator.count()
                            ? new FeedKey(generator.originalUpdatedAt(nextBase), nextBase)
                            : null;
            if (baseKey == null && nextOverlay == null) {
                return new FeedPage(page, null);
            }
            if (nextOverlay == null || (baseKey != null && baseKey.compareTo(nextOverlay) < 0)) {
                page.add(generator.generate(nextBase));
                last = baseKey;
                nextBase++;
            } else {
                PropertyRecord p = currentAt(nextOverlay);
                if (p != null) {
                    page.add(p);
                    last = nextOverlay;
                }
                nextOverlay = nextLive(overlayKeys);
            }
        }
        boolean more = skipChanged(nextBase) <= generator.count() || nextOverlay != null;
        return new FeedPage(page, more ? last : null);
    }

    private @Nullable PropertyRecord currentAt(FeedKey key) {
        MarketState state = overlay.get(key.id());
        if (state == null || state.updatedAt() != key.updatedAt()) {
            return null;
        }
        return generator.generate(key.id()).withMarket(state);
    }

    private static @Nullable FeedKey nextLive(Iterator<FeedKey> keys) {
        return keys.hasNext() ? keys.next() : null;
    }

    private long skipChanged(long id) {
        long i = id;
        while (i <= generator.count() && overlay.containsKey(i)) {
            i++;
        }
        return i;
    }

    /** The smallest id whose original key is greater than {@code key} (count + 1 if none). */
    private long firstBaseAfter(FeedKey key) {
        long lo = 1;
        long hi = generator.count() + 1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (new FeedKey(generator.originalUpdatedAt(mid), mid).compareTo(key) > 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * A property before and after a market change.
     *
     * @param before the property before
     * @param after the property after
     */
    public record Change(PropertyRecord before, PropertyRecord after) {}

    /**
     * A page of the updated feed.
     *
     * @param properties the page, in (updated_at, id) order
     * @param next the key of the last property when more follow, else null
     */
    public record FeedPage(List<PropertyRecord> properties, @Nullable FeedKey next) {}

    /**
     * A position in the updated feed.
     *
     * @param updatedAt epoch seconds
     * @param id numeric property id
     */
    public record FeedKey(long updatedAt, long id) implements Comparable<FeedKey> {
        @Override
        public int compareTo(FeedKey o) {
            int c = Long.compare(updatedAt, o.updatedAt);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }
}
