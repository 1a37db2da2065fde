package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.application.port.out.UsageLedger;
import dev.reapi.gateway.domain.ledger.DailyUsage;
import dev.reapi.gateway.domain.ledger.UsageEntry;
import dev.reapi.gateway.domain.ledger.UsageTotals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage ledger in the gateway's database ({@code usage_daily}): one row per UTC day, user and
 * endpoint, incremented in place.
 *
 * <p>{@link #append} only adds to an in-memory sum; a background writer upserts the sums every
 * {@code flushInterval} (default 1 s) in one transaction, and {@link #close()} writes the rest. A
 * failed write keeps the sums for the next attempt and logs a WARN, so nothing is lost while the
 * process runs; a crash loses at most one interval. Reads add the unwritten sums, so the daily cap
 * sees every record at once. With several gateway instances on one database, each instance sees the
 * others' usage up to one interval late.
 *
 * <p>Micrometer counters: {@code reapi.upstream.calls}, {@code reapi.upstream.records} and {@code
 * reapi.requests.saved}, tagged by {@code endpoint}. Thread-safe.
 */
public final class JdbiUsageLedger implements UsageLedger {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiUsageLedger.class);

    private static final String UPSERT =
            """
            INSERT INTO usage_daily (day, user_id, endpoint, requests, upstream_calls,
                                     records_billed, saved_requests)
            VALUES (:day, :user, :endpoint, :requests, :calls, :records, :saved)
            ON CONFLICT (day, user_id, endpoint) DO UPDATE
               SET requests = usage_daily.requests + excluded.requests,
                   upstream_calls = usage_daily.upstream_calls + excluded.upstream_calls,
                   records_billed = usage_daily.records_billed + excluded.records_billed,
                   saved_requests = usage_daily.saved_requests + excluded.saved_requests
            """;

    private static final String SELECT =
            "SELECT day, user_id, endpoint, requests, upstream_calls, records_billed,"
                    + " saved_requests FROM usage_daily WHERE day >= :from AND day <= :to";

    private final Jdbi jdbi;
    private final MeterRegistry meters;
    private final ConcurrentHashMap<Row, UsageTotals> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    // Held for writing while sums move from memory to the database, so no reader misses them.
    private final ReadWriteLock moving = new ReentrantReadWriteLock();
    private final ScheduledExecutorService writer;
    private volatile boolean closed;

    /**
     * A ledger in {@code database}, which must be migrated, written every {@code flushInterval}.
     */
    public JdbiUsageLedger(Database database, Duration flushInterval, MeterRegistry meters) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.meters = Objects.requireNonNull(meters, "meters");
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException(
                    "flushInterval must be positive, was " + flushInterval);
        }
        this.writer =
                Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("reapi-ledger-writer").factory());
        long every = flushInterval.toMillis();
        var unused =
                writer.scheduleWithFixedDelay(
                        this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void append(UsageEntry entry) {
        if (closed) {
            throw new IllegalStateException(
                    "usage ledger is closed; cannot append for user " + entry.userId());
        }
        LocalDate day = LocalDate.ofInstant(entry.at(), ZoneOffset.UTC);
        pending.merge(
                new Row(day, entry.userId(), entry.endpoint()),
                UsageTotals.of(entry),
                UsageTotals::plus);
        count(entry);
    }

    @Override
    public long recordsBilled(String userId, LocalDate day) {
        return daily(Optional.of(userId), day, day).stream()
                .mapToLong(row -> row.totals().recordsBilled())
                .sum();
    }

    @Override
    public List<DailyUsage> daily(Optional<String> userId, LocalDate from, LocalDate to) {
        Map<Row, UsageTotals> sums = new HashMap<>();
        moving.readLock().lock();
        try {
            for (DailyUsage stored : select(userId, from, to)) {
                sums.merge(Row.of(stored), stored.totals(), UsageTotals::plus);
            }
            pending.forEach(
                    (row, totals) -> {
                        if (row.matches(userId, from, to)) {
                            sums.merge(row, totals, UsageTotals::plus);
                        }
                    });
        } finally {
            moving.readLock().unlock();
        }
        List<DailyUsage> rows = new ArrayList<>(sums.size());
        sums.forEach((row, totals) -> rows.add(row.with(totals)));
        rows.sort(
                Comparator.comparing(DailyUsage::day)
                        .thenComparing(DailyUsage::userId)
                        .thenComparing(DailyUsage::endpoint));
        return rows;
    }

    @Override
    public void flush() {
        moving.writeLock().lock();
        try {
            Map<Row, UsageTotals> batch = new HashMap<>();
            for (Row row : pending.keySet()) {
                UsageTotals totals = pending.remove(row);
                if (totals != null) {
                    batch.put(row, totals);
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                jdbi.useTransaction(handle -> write(handle, batch));
            } catch (RuntimeException e) {
                batch.forEach((row, totals) -> pending.merge(row, totals, UsageTotals::plus));
                throw e;
            }
        } finally {
            moving.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        LOG.info("Usage ledger closed; every entry written");
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn(
                    "usage ledger write failed, keeping {} unwritten sums for the next attempt",
                    pending.size(),
                    e);
        }
    }

    private static void write(Handle handle, Map<Row, UsageTotals> batch) {
        PreparedBatch statement = handle.prepareBatch(UPSERT);
        batch.forEach(
                (row, totals) ->
                        statement
                                .bind("day", row.day().toString())
                                .bind("user", row.userId())
                                .bind("endpoint", row.endpoint())
                                .bind("requests", totals.requests())
                                .bind("calls", totals.upstreamCalls())
                                .bind("records", totals.recordsBilled())
                                .bind("saved", totals.savedRequests())
                                .add());
        statement.execute();
    }

    private List<DailyUsage> select(Optional<String> userId, LocalDate from, LocalDate to) {
        String sql = userId.isPresent() ? SELECT + " AND user_id = :user" : SELECT;
        return jdbi.withHandle(
                handle -> {
                    var query =
                            handle.createQuery(sql)
                                    .bind("from", from.toString())
                                    .bind("to", to.toString());
                    userId.ifPresent(user -> query.bind("user", user));
                    return query.map(
                                    (rs, ctx) ->
                                            new DailyUsage(
                                                    LocalDate.parse(rs.getString("day")),
                                                    rs.getString("user_id"),
                                                    rs.getString("endpoint"),
                                                    new UsageTotals(
                                                            rs.getLong("requests"),
                                                            rs.getLong("upstream_calls"),
                                                            rs.getLong("records_billed"),
                                                            rs.getLong("saved_requests"))))
                            .list();
                });
    }

    private void count(UsageEntry entry) {
        if (entry.saved()) {
            counter("reapi.requests.saved", entry.endpoint()).increment();
            return;
        }
        counter("reapi.upstream.calls", entry.endpoint()).increment(entry.upstreamCalls());
        counter("reapi.upstream.records", entry.endpoint()).increment(entry.recordsBilled());
    }

    private Counter counter(String name, String endpoint) {
        return counters.computeIfAbsent(
                name + "|" + endpoint,
                k -> Counter.builder(name).tag("endpoint", endpoint).register(meters));
    }

    /** One ledger row's identity. */
    private record Row(LocalDate day, String userId, String endpoint) {

        static Row of(DailyUsage usage) {
            return new Row(usage.day(), usage.userId(), usage.endpoint());
        }

        boolean matches(Optional<String> user, LocalDate from, LocalDate to) {
            return user.map(userId::equals).orElse(true) && !day.isBefore(from) && !day.isAfter(to);
        }

        DailyUsage with(UsageTotals totals) {
            return new DailyUsage(day, userId, endpoint, totals);
        }
    }
}
