package dev.reapi.gateway.application.watch;

import dev.reapi.client.model.SearchRequest;
import dev.reapi.gateway.application.notify.CallbackUrlPolicy;
import dev.reapi.gateway.application.port.out.Watches;
import dev.reapi.gateway.domain.watch.Watch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A user's watches: create with validation and limits, list, read and delete. A user never sees
 * another user's watch; reading or deleting one behaves as if it did not exist.
 *
 * <p>Limits (fixed, not configurable): {@value #MAX_WATCHES_PER_USER} watches per user, of which at
 * most {@value #MAX_SEARCHES_PER_USER} saved searches (each is evaluated against every changed
 * property), and {@value #MAX_IDS_PER_REQUEST} property ids per request. Two requests racing may
 * together pass a limit by the size of one request. Thread-safe.
 */
public final class WatchService {

    /** Most watches one user may have. */
    public static final int MAX_WATCHES_PER_USER = 1000;

    /** Most saved searches one user may have. */
    public static final int MAX_SEARCHES_PER_USER = 20;

    /** Most property ids one request may watch. */
    public static final int MAX_IDS_PER_REQUEST = 100;

    private static final Pattern PROPERTY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern WATCH_ID = Pattern.compile("w_[0-9a-f]{20}");

    private final Watches watches;
    private final CallbackUrlPolicy policy;
    private final Clock clock;
    private final RandomGenerator random;

    /**
     * A service.
     *
     * @param random source of the random part of watch ids; access is synchronised here
     */
    public WatchService(
            Watches watches, CallbackUrlPolicy policy, Clock clock, RandomGenerator random) {
        this.watches = Objects.requireNonNull(watches, "watches");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Watches properties; ids already watched by the user keep their watch.
     *
     * @return one watch per distinct id, in the order given
     * @throws InvalidWatchRequest when an id, the callback URL or a limit is violated
     */
    public List<Watch> watchProperties(
            String userId, List<String> propertyIds, Optional<String> callbackUrl) {
        if (propertyIds.isEmpty() || propertyIds.size() > MAX_IDS_PER_REQUEST) {
            throw InvalidWatchRequest.of(
                    "property_ids", "must hold 1 to " + MAX_IDS_PER_REQUEST + " ids");
        }
        List<InvalidWatchRequest.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < propertyIds.size(); i++) {
            if (!PROPERTY_ID.matcher(propertyIds.get(i)).matches()) {
                problems.add(
                        new InvalidWatchRequest.FieldProblem(
                                "property_ids[" + i + "]",
                                "must be 1-64 letters, digits, '_' or '-'"));
            }
        }
        callbackProblem(callbackUrl).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidWatchRequest(problems);
        }
        Set<String> distinct = new LinkedHashSet<>(propertyIds);
        requireRoom(userId, distinct.size(), "property_ids");
        Instant now = clock.instant();
        return watches.add(
                distinct.stream()
                        .map(id -> Watch.ofProperty(newId(now), userId, id, callbackUrl, now))
                        .toList());
    }

    /**
     * Saves a search; its current matches in the replica become its first members.
     *
     * @param search validated criteria; sort and pagination are dropped
     * @throws InvalidWatchRequest when the callback URL or a limit is violated
     */
    public Watch watchSearch(String userId, SearchRequest search, Optional<String> callbackUrl) {
        callbackProblem(callbackUrl)
                .ifPresent(
                        p -> {
                            throw new InvalidWatchRequest(List.of(p));
                        });
        requireRoom(userId, 1, "search");
        int searches = watches.countSearches(userId);
        if (searches >= MAX_SEARCHES_PER_USER) {
            throw InvalidWatchRequest.of(
                    "search",
                    "you already have " + searches + " saved searches, the most one user may have");
        }
        Instant now = clock.instant();
        return watches.add(List.of(Watch.ofSearch(newId(now), userId, search, callbackUrl, now)))
                .getFirst();
    }

    /** The user's watch {@code watchId}; empty when it does not exist or is not theirs. */
    public Optional<Watch> get(String userId, String watchId) {
        return WATCH_ID.matcher(watchId).matches()
                ? watches.find(userId, watchId)
                : Optional.empty();
    }

    /**
     * Up to {@code limit} of the user's watches, oldest first, after the watch {@code after}.
     *
     * @throws IllegalArgumentException when {@code after} is not a watch id
     */
    public List<Watch> list(String userId, Optional<String> after, int limit) {
        after.ifPresent(
                id -> {
                    if (!WATCH_ID.matcher(id).matches()) {
                        throw new IllegalArgumentException("not a watch id: " + id);
                    }
                });
        return watches.list(userId, after, limit);
    }

    /**
     * Deletes the user's watch.
     *
     * @return false when it does not exist or is not theirs
     */
    public boolean delete(String userId, String watchId) {
        return WATCH_ID.matcher(watchId).matches() && watches.delete(userId, watchId);
    }

    private Optional<InvalidWatchRequest.FieldProblem> callbackProblem(Optional<String> url) {
        return url.flatMap(policy::rejection)
                .map(reason -> new InvalidWatchRequest.FieldProblem("callback_url", reason));
    }

    private void requireRoom(String userId, int adding, String field) {
        int existing = watches.count(userId);
        if (existing + adding > MAX_WATCHES_PER_USER) {
            throw InvalidWatchRequest.of(
                    field,
                    "would give you "
                            + (existing + adding)
                            + " watches; one user may have at most "
                            + MAX_WATCHES_PER_USER);
        }
    }

    /** {@code w_}, the creation time in 12 hex digits of milliseconds, and 8 random hex digits. */
    private String newId(Instant now) {
        int suffix;
        synchronized (random) {
            suffix = random.nextInt();
        }
        return "w_"
                + HexFormat.of().toHexDigits(now.toEpochMilli()).substring(4)
                + HexFormat.of().toHexDigits(suffix);
    }
}
