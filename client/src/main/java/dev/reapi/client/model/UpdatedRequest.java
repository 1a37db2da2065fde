package dev.reapi.client.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One page of the properties changed since an instant.
 *
 * @param since include changes at or after this instant (sent with second precision)
 * @param cursor the {@code next_cursor} of the previous page, null for the first page
 * @param limit page size, 1..1000 (default {@value #DEFAULT_LIMIT})
 */
public record UpdatedRequest(Instant since, @Nullable String cursor, int limit) {

    /** The page size used when none is given. */
    public static final int DEFAULT_LIMIT = 100;

    /** The largest page the server returns. */
    public static final int MAX_LIMIT = 1000;

    /** Validates the limit and the cursor length. */
    public UpdatedRequest {
        Checks.notNull("since", since);
        Checks.cursor("cursor", cursor);
        Checks.between("limit", limit, 1, MAX_LIMIT);
    }

    /** The first page of changes since {@code since}, {@value #DEFAULT_LIMIT} per page. */
    public static UpdatedRequest since(Instant since) {
        return new UpdatedRequest(since, null, DEFAULT_LIMIT);
    }

    /** This request with another page size. */
    public UpdatedRequest withLimit(int newLimit) {
        return new UpdatedRequest(since, cursor, newLimit);
    }

    /** This request positioned at {@code newCursor}. */
    public UpdatedRequest withCursor(@Nullable String newCursor) {
        return new UpdatedRequest(since, newCursor, limit);
    }
}
