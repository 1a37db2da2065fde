package dev.reapi.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 251, 1000})
    void withLimit_outOfRange_isRejectedNamingFieldAndValue(int limit) {
        assertThatThrownBy(() -> SearchRequest.zip("94105").withLimit(limit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pagination.limit")
                .hasMessageContaining(String.valueOf(limit));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 250})
    void withLimit_inRange_isKept(int limit) {
        assertThat(SearchRequest.zip("94105").withLimit(limit).limit()).isEqualTo(limit);
    }

    @Test
    void bulkRequest_sizeOutsideOneToThousand_isRejected() {
        List<String> tooMany =
                IntStream.range(0, 1001).mapToObj(i -> "P" + String.format("%09d", i)).toList();

        assertThatThrownBy(() -> BulkRequest.of(Collections.emptyList()))
                .hasMessageContaining("ids size must be in 1..1000, got 0");
        assertThatThrownBy(() -> BulkRequest.of(tooMany)).hasMessageContaining("got 1001");
        assertThat(BulkRequest.of(tooMany.subList(0, 1000)).ids()).hasSize(1000);
    }

    @Test
    void bulkRequest_invalidId_isRejectedWithItsIndex() {
        assertThatThrownBy(() -> BulkRequest.of(List.of("P1", "bad id")))
                .hasMessageContaining("ids[1]")
                .hasMessageContaining("'bad id'");
    }

    @Test
    void filters_reversedRange_isRejected() {
        assertThatThrownBy(() -> Filters.builder().price(500L, 100L).build())
                .hasMessageContaining(
                        "filters.price_min (500) must not exceed filters.price_max (100)");
        assertThatThrownBy(() -> Filters.builder().yearBuilt(2001, 1999).build())
                .hasMessageContaining("year_built_min");
        assertThatThrownBy(() -> Filters.builder().sqft(2000, 1000).build())
                .hasMessageContaining("sqft_min");
    }

    @Test
    void location_badValues_areRejected() {
        assertThatThrownBy(() -> SearchRequest.zip("9410"))
                .hasMessageContaining("location.zip must be five digits, got '9410'");
        assertThatThrownBy(() -> SearchRequest.city("Austin", "Texas"))
                .hasMessageContaining("location.state");
        assertThatThrownBy(() -> SearchRequest.radius(30, -97, 0))
                .hasMessageContaining("radius_miles");
        assertThatThrownBy(() -> SearchRequest.radius(91, -97, 1)).hasMessageContaining("lat");
    }

    @Test
    void updatedRequest_limitAboveThousand_isRejected() {
        assertThatThrownBy(() -> UpdatedRequest.since(java.time.Instant.EPOCH).withLimit(1001))
                .hasMessageContaining("limit must be in 1..1000, got 1001");
    }
}
