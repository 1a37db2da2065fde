package dev.reapi.gateway.domain.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CacheKeysTest {

    @Test
    void search_defaultsApplied_equalsExplicitDefaults() {
        Map<String, Object> bare = Map.of("location", Map.of("zip", "62704"));
        Map<String, Object> explicit =
                Map.of(
                        "location", Map.of("zip", "62704"),
                        "filters", Map.of(),
                        "sort", Map.of("field", "id", "order", "asc"),
                        "pagination", Map.of("limit", 50));

        assertThat(CacheKeys.search(bare)).isEqualTo(CacheKeys.search(explicit));
        assertThat(CacheKeys.search(bare).value())
                .isEqualTo(
                        "{\"filters\":{},\"location\":{\"zip\":\"62704\"},"
                                + "\"pagination\":{\"limit\":50},"
                                + "\"sort\":{\"field\":\"id\",\"order\":\"asc\"}}");
    }

    @Test
    void search_differentCriteria_differentKeys() {
        var cheap = Map.of("location", Map.of("zip", "62704"), "filters", Map.of("price_max", 1));
        var dear = Map.of("location", Map.of("zip", "62704"), "filters", Map.of("price_max", 2));
        var nextPage =
                Map.of("location", Map.of("zip", "62704"), "pagination", Map.of("cursor", "c2"));

        assertThat(CacheKeys.search(cheap))
                .isNotEqualTo(CacheKeys.search(dear))
                .isNotEqualTo(CacheKeys.search(nextPage));
    }

    static LongStream seeds() {
        return LongStream.range(1, 51);
    }

    /** Equivalent spellings of one search, generated from a seed, share one key. */
    @ParameterizedTest
    @MethodSource("seeds")
    void search_equivalentSpellings_shareOneKey(long seed) {
        var random = new Random(seed);
        Map<String, Object> canonical = criteria(random, false);
        Map<String, Object> respelled = criteria(new Random(seed), true);

        assertThat(CacheKeys.search(respelled)).isEqualTo(CacheKeys.search(canonical));
    }

    /** Builds one search; with {@code respell}, the same search written differently. */
    private static Map<String, Object> criteria(Random random, boolean respell) {
        String city = List.of("Springfield", "Des Moines", "Austin").get(random.nextInt(3));
        String state = List.of("IL", "IA", "TX").get(random.nextInt(3));
        int priceMax = 100_000 + random.nextInt(900_000);
        double baths = random.nextInt(8) / 2.0;
        List<String> types = new ArrayList<>(List.of("condo", "single_family", "townhouse"));
        List<String> statuses = new ArrayList<>(List.of("active", "pending"));

        Map<String, Object> location = new LinkedHashMap<>();
        Map<String, Object> filters = new LinkedHashMap<>();
        Map<String, Object> root = new LinkedHashMap<>();
        if (respell) {
            Collections.shuffle(types, random);
            Collections.shuffle(statuses, random);
            location.put("state", state.toLowerCase(java.util.Locale.ROOT));
            location.put("city", "  " + city.toUpperCase(java.util.Locale.ROOT).replace(" ", "  "));
            filters.put("statuses", statuses);
            filters.put("baths_min", new BigDecimal(baths + "00"));
            filters.put("price_max", (long) priceMax);
            filters.put("property_types", types);
            root.put("pagination", Map.of("limit", 50));
            root.put("filters", filters);
            root.put("location", location);
            root.put("sort", Map.of("field", "id"));
        } else {
            location.put("city", city.toLowerCase(java.util.Locale.ROOT));
            location.put("state", state);
            filters.put("price_max", priceMax);
            filters.put("baths_min", baths);
            filters.put("property_types", List.of("condo", "single_family", "townhouse"));
            filters.put("statuses", List.of("active", "pending"));
            root.put("location", location);
            root.put("filters", filters);
        }
        return root;
    }

    @Test
    void areaKeys_samePropertyId_ignoreSurroundingSpaceAndDifferByType() {
        assertThat(CacheKeys.schools(" P000000042 ")).isEqualTo(CacheKeys.schools("P000000042"));
        assertThat(CacheKeys.demographics("P000000042"))
                .isNotEqualTo(CacheKeys.schools("P000000042"));
    }

    @Test
    void valuationByAddress_usesCanonicalAddress() {
        assertThat(CacheKeys.valuationByAddress("1234 Oak Street, Springfield, Illinois 62704"))
                .isEqualTo(CacheKeys.valuationByAddress("1234  oak st., SPRINGFIELD, IL 62704"));
    }

    @Test
    void render_prefixesTheType() {
        assertThat(CacheKeys.details("P000000001").render()).isEqualTo("details:P000000001");
    }
}
