package dev.reapi.gateway.application.port.out;

import dev.reapi.client.model.UpdatedPage;
import java.time.Instant;
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
}
