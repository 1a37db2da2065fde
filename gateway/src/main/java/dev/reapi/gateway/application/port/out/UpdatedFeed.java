package dev.reapi.gateway.application.port.out;

import dev.reapi.client.model.UpdatedPage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The upstream's feed of changed properties, ordered by (updated_at, id). Implementations are
 * thread-safe and throw {@link UpstreamFailure} for every failure.
 */
public interface UpdatedFeed {

    /**
     * One page of properties changed at or after {@code since}.
     *
     * @param cursor the previous page's {@code next_cursor}, null for the first page
     * @param limit page size, 1..1000
     */
    UpdatedPage page(Instant since, @Nullable String cursor, int limit);

    /**
     * One page as {@link #page} reads it, with each property's JSON as the upstream sent it where
     * the feed keeps it, so that the replica can store those bytes instead of encoding each record
     * again. By default the feed keeps none.
     */
    default Page pageWithJson(Instant since, @Nullable String cursor, int limit) {
        return new Page(page(since, cursor, limit), List.of());
    }

    /**
     * A page and its properties' JSON.
     *
     * @param page the decoded page
     * @param propertyJson each property's JSON as sent, in the page's order; empty when the feed
     *     did not keep it
     */
    record Page(UpdatedPage page, List<String> propertyJson) {

        /** Requires no JSON or one text per property. */
        public Page {
            Objects.requireNonNull(page, "page");
            propertyJson = List.copyOf(propertyJson);
            if (!propertyJson.isEmpty() && propertyJson.size() != page.properties().size()) {
                throw new IllegalArgumentException(
                        "propertyJson must be empty or hold one text per property: "
                                + propertyJson.size()
                                + " for "
                                + page.properties().size());
            }
        }
    }
}
