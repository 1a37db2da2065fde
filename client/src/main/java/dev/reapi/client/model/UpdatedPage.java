package dev.reapi.client.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of changed properties, ordered by {@code (updated_at, id)}.
 *
 * @param properties the changed properties on this page
 * @param nextCursor where the next page starts, null on the last page
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdatedPage(List<Property> properties, @Nullable String nextCursor) {

    /** Copies the list. */
    public UpdatedPage {
        properties = List.copyOf(Checks.notNull("properties", properties));
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
