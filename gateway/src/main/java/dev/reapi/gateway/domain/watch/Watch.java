package dev.reapi.gateway.domain.watch;

import dev.reapi.client.model.SearchRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one user watches: a property, or a saved search's criteria (location and filters; sort and
 * pagination play no part in membership and are never stored).
 *
 * @param id the watch id, {@code w_} and 20 lower-case hex digits
 * @param userId whose watch it is
 * @param kind what it follows
 * @param propertyId the watched property, present exactly for {@link WatchKind#PROPERTY}
 * @param search the saved criteria, present exactly for {@link WatchKind#SEARCH}
 * @param callbackUrl where its notifications go; empty for the user's configured URL, if any
 * @param createdAt when it was created
 */
public record Watch(
        String id,
        String userId,
        WatchKind kind,
        Optional<String> propertyId,
        Optional<SearchRequest> search,
        Optional<String> callbackUrl,
        Instant createdAt) {

    private static final Pattern ID = Pattern.compile("w_[0-9a-f]{20}");

    public Watch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(propertyId, "propertyId");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("watch id must be w_ and 20 hex digits, was " + id);
        }
        if (propertyId.isPresent() != (kind == WatchKind.PROPERTY)
                || search.isPresent() != (kind == WatchKind.SEARCH)) {
            throw new IllegalArgumentException(
                    "watch " + id + " of kind " + kind.key() + " must have exactly its own target");
        }
        search = search.map(s -> new SearchRequest(s.location(), s.filters(), null, null));
    }

    /** A watch of one property. */
    public static Watch ofProperty(
            String id,
            String userId,
            String propertyId,
            Optional<String> callbackUrl,
            Instant createdAt) {
        return new Watch(
                id,
                userId,
                WatchKind.PROPERTY,
                Optional.of(propertyId),
                Optional.empty(),
                callbackUrl,
                createdAt);
    }

    /** A saved search. */
    public static Watch ofSearch(
            String id,
            String userId,
            SearchRequest search,
            Optional<String> callbackUrl,
            Instant createdAt) {
        return new Watch(
                id,
                userId,
                WatchKind.SEARCH,
                Optional.empty(),
                Optional.of(search),
                callbackUrl,
                createdAt);
    }
}
