package dev.reapi.sandbox.market;

import dev.reapi.sandbox.MarketChange;
import dev.reapi.sandbox.data.Dataset;
import dev.reapi.sandbox.data.MarketState;
import dev.reapi.sandbox.data.PropertyRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the market: price cuts, active to pending to sold, withdrawals and relists. Each tick picks
 * properties with a generator seeded from the sandbox's seed, so the same sequence of ticks gives
 * the same changes. Changes within a tick are applied in id order. Thread-safe (ticks are
 * serialised).
 */
public final class MarketSimulation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarketSimulation.class);

    private final Dataset data;
    private final Clock clock;
    private final SplittableRandom random;
    private final Consumer<List<MarketChange>> listener;
    private final ScheduledExecutorService scheduler;
    private double carry;

    public MarketSimulation(
            Dataset data, Clock clock, long seed, Consumer<List<MarketChange>> listener) {
        this.data = data;
        this.clock = clock;
        this.random = new SplittableRandom(seed ^ 0x3A7C_E7L);
        this.listener = listener;
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("sandbox-market").factory());
    }

    /** Starts background ticks once a second at {@code perSecond} changes on average. */
    public void startBackground(double perSecond) {
        if (perSecond <= 0) {
            return;
        }
        var unused =
                scheduler.scheduleAtFixedRate(() -> background(perSecond), 1, 1, TimeUnit.SECONDS);
        LOG.info("Market simulation running at {} changes per second", perSecond);
    }

    private void background(double perSecond) {
        try {
            int n;
            synchronized (this) {
                carry += perSecond;
                n = (int) carry;
                carry -= n;
            }
            if (n > 0) {
                tick(n);
            }
        } catch (RuntimeException e) {
            LOG.error("Market tick failed; the simulation goes on with the next tick", e);
        }
    }

    /** Applies {@code count} changes now (to distinct properties when the dataset allows). */
    public List<MarketChange> tick(int count) {
        List<MarketChange> changes = new ArrayList<>(count);
        synchronized (this) {
            long now = clock.instant().getEpochSecond();
            int today = (int) LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay();
            TreeSet<Long> ids = new TreeSet<>();
            int wanted = (int) Math.min(count, data.count());
            while (ids.size() < wanted) {
                ids.add(random.nextLong(1, data.count() + 1));
            }
            for (long id : ids) {
                Dataset.Change c = data.apply(id, now, s -> next(s, today));
                MarketState b = c.before().market();
                MarketState a = c.after().market();
                changes.add(
                        new MarketChange(
                                c.after().wireId(),
                                b.status(),
                                a.status(),
                                b.price(),
                                a.price(),
                                Instant.ofEpochSecond(a.updatedAt())));
            }
        }
        if (!changes.isEmpty()) {
            listener.accept(changes);
        }
        return changes;
    }

    /** A cut of 1-7% from {@code price}, rounded, never to zero and always below it. */
    private long priceCut(long price) {
        return Math.max(
                1_000, Math.min(price - 1_000, round(price * (0.93 + 0.06 * random.nextDouble()))));
    }

    private MarketState next(MarketState s, int today) {
        double u = random.nextDouble();
        return switch (s.status()) {
            case MarketState.ACTIVE -> {
                if (u < 0.45) {
                    long cut = priceCut(s.price());
                    yield state(MarketState.ACTIVE, cut, s.listingDay(), s);
                }
                if (u < 0.85) {
                    yield state(MarketState.PENDING, s.price(), s.listingDay(), s);
                }
                yield state(MarketState.OFF_MARKET, s.price(), PropertyRecord.NO_DATE, s);
            }
            case MarketState.PENDING -> {
                if (u < 0.75) {
                    long sold = round(s.price() * (0.97 + 0.06 * random.nextDouble()));
                    yield new MarketState(
                            MarketState.SOLD,
                            sold,
                            PropertyRecord.NO_DATE,
                            today,
                            sold,
                            s.updatedAt());
                }
                yield state(MarketState.ACTIVE, s.price(), s.listingDay(), s);
            }
            default -> {
                long ask = round(s.price() * (1.0 + 0.08 * random.nextDouble()));
                yield state(MarketState.ACTIVE, ask, today, s);
            }
        };
    }

    private static MarketState state(String status, long price, int listingDay, MarketState s) {
        return new MarketState(
                status, price, listingDay, s.lastSaleDay(), s.lastSalePrice(), s.updatedAt());
    }

    private static long round(double price) {
        return Math.max(1_000, Math.round(price / 1_000.0) * 1_000);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
