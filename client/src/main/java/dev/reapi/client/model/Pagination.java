package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Page size and position of a search.
 *
 * @param limit page size, 1..250 (the server's default is {@value #DEFAULT_LIMIT})
 * @param cursor the {@code next_cursor} of the previous page, null for the first page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pagination(int limit, @Nullable String cursor) {

    /** The page size used when none is given. */
    public static final int DEFAULT_LIMIT = 50;

    /** The largest page a search may ask for. */
    public static final int MAX_LIMIT = 250;

    /** Validates the limit and the cursor length. */
    public Pagination {
        Checks.between("pagination.limit", limit, 1, MAX_LIMIT);
        Checks.cursor("pagination.cursor", cursor);
    }

    /** The first page of {@code limit} results. */
    public static Pagination first(int limit) {
        return new Pagination(limit, null);
    }
}
