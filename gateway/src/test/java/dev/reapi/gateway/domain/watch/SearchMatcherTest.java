package dev.reapi.gateway.domain.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reapi.client.model.Address;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.Filters;
import dev.reapi.client.model.Location;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.PropertyStatus;
import dev.reapi.client.model.PropertyType;
import dev.reapi.client.model.SearchRequest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The matcher over generated properties, each checked against criteria derived from itself. */
class SearchMatcherTest {

    private static final List<String[]> PLACES =
            List.of(
                    new String[] {"Austin", "TX", "78701"},
                    new String[] {"St. Louis", "MO", "63101"},
                    new String[] {"Coeur d'Alene", "ID", "83814"},
                    new String[] {"Winston-Salem", "NC", "27101"});

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void matches_criteriaBoundedByThePropertysOwnValues_includesIt(long seed) {
        Property p = generate(new SplittableRandom(seed));
        Filters own =
                new Filters(
                        p.price(),
                        p.price(),
                        p.beds(),
                        p.baths(),
                        EnumSet.of(p.propertyType()),
                        EnumSet.of(p.status()),
                        p.livingAreaSqft(),
                        p.livingAreaSqft(),
                        p.yearBuilt(),
                        p.yearBuilt());

        for (Location location : ownLocations(p)) {
            assertThat(SearchMatcher.matches(new SearchRequest(location, own, null, null), p))
                    .as("%s with %s", location, own)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void matches_anyOneBoundJustPastTheProperty_excludesIt(long seed) {
        Property p = generate(new SplittableRandom(seed));
        SearchRequest at = SearchRequest.zip(p.address().zip());
        Map<String, Filters> excluding =
                Map.of(
                        "price_min", Filters.builder().price(p.price() + 1, null).build(),
                        "beds_min", Filters.builder().bedsMin(p.beds() + 1).build(),
                        "baths_min", Filters.builder().bathsMin(p.baths() + 0.5).build(),
                        "sqft_max", Filters.builder().sqft(null, p.livingAreaSqft() - 1).build(),
                        "year_built_min",
                                Filters.builder().yearBuilt(p.yearBuilt() + 1, null).build(),
                        "property_types", others(p.propertyType()),
                        "statuses", others(p.status()));

        excluding.forEach(
                (name, filters) ->
                        assertThat(SearchMatcher.matches(at.withFilters(filters), p))
                                .as(name)
                                .isFalse());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void matches_anotherPlace_excludesIt(long seed) {
        Property p = generate(new SplittableRandom(seed));
        Coordinates c = p.coordinates();
        Coordinates farNorth = new Coordinates(Math.min(90, c.lat() + 1), c.lng());

        assertThat(SearchMatcher.matches(SearchRequest.zip("00001"), p)).isFalse();
        assertThat(SearchMatcher.matches(SearchRequest.city("Nowhere", p.address().state()), p))
                .isFalse();
        assertThat(SearchMatcher.matches(SearchRequest.city(p.address().city(), "ZZ"), p))
                .isFalse();
        assertThat(SearchMatcher.matches(SearchRequest.of(new Location.Radius(farNorth, 50)), p))
                .isFalse();
    }

    @Test
    void distanceMiles_oneDegreeOfLatitude_isAbout69Miles() {
        double miles =
                SearchMatcher.distanceMiles(new Coordinates(30, -97), new Coordinates(31, -97));

        assertThat(miles).isCloseTo(69.09, within(0.05));
    }

    private static List<Location> ownLocations(Property p) {
        String spaced = p.address().city().toUpperCase(Locale.ROOT).replace(" ", "   ");
        return List.of(
                new Location.Zip(p.address().zip()),
                new Location.CityState(p.address().city(), p.address().state()),
                new Location.CityState(" " + spaced, p.address().state().toLowerCase(Locale.ROOT)),
                new Location.Radius(p.coordinates(), 0.01));
    }

    private static Filters others(PropertyType except) {
        return new Filters(
                null,
                null,
                null,
                null,
                EnumSet.complementOf(EnumSet.of(except)),
                null,
                null,
                null,
                null,
                null);
    }

    private static Filters others(PropertyStatus except) {
        return new Filters(
                null,
                null,
                null,
                null,
                null,
                EnumSet.complementOf(EnumSet.of(except)),
                null,
                null,
                null,
                null);
    }

    private static Property generate(SplittableRandom random) {
        String[] place = PLACES.get(random.nextInt(PLACES.size()));
        PropertyType[] types = PropertyType.values();
        PropertyStatus[] statuses = PropertyStatus.values();
        double lat = -60 + random.nextDouble() * 120;
        double lng = -179 + random.nextDouble() * 358;
        return new Property(
                "P" + random.nextInt(1_000_000),
                new Address("1 Main St", place[0], place[1], place[2], null, "1 Main St"),
                new Coordinates(lat, lng),
                types[random.nextInt(types.length)],
                statuses[random.nextInt(statuses.length)],
                1 + random.nextLong(5_000_000),
                random.nextInt(8),
                random.nextInt(12) / 2.0,
                1 + random.nextInt(9_000),
                random.nextInt(50_000),
                1800 + random.nextInt(226),
                null,
                null,
                null,
                null,
                Instant.parse("2026-11-01T00:00:00Z"));
    }
}
