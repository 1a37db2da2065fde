package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of search results.
 *
 * @param properties the matches on this page, in the requested order
 * @param total all matches across pages
 * @param nextCursor where the next page starts, null on the last page
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchPage(List<Property> properties, long total, @Nullable String nextCursor) {

    /** Copies the list and requires a non-negative total. */
    public SearchPage {
        properties = List.copyOf(Checks.notNull("properties", properties));
        Checks.atLeast("total", total, 0);
    }

    /** The cursor of the next page, empty on the last page. */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }

    /** Whether another page follows. */
    @JsonIgnore
    public boolean hasMore() {
        return nextCursor != null;
    }
}
