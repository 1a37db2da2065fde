package dev.reapi.client.enrich;

import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.internal.ErrorMapper;
import dev.reapi.client.model.Coordinates;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.School;
import dev.reapi.client.model.Valuation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Adds valuation, demographics and nearby schools to properties, in parallel with bounded
 * concurrency. Area lookups are shared within one {@code enrich} call: demographics once per ZIP
 * code, schools once per point rounded to three decimals (about 110 m), each asked for the first
 * property of its ZIP or point, so that it works on both providers (v2 reads areas from a
 * property's detail). A failed part is recorded as {@link PartResult.Failed}; it never fails the
 * others.
 *
 * <p>Thread-safe; each call has its own sharing scope, but all calls of one instance share the
 * concurrency limit.
 */
public final class Enricher {

    /** The upstream lookups enrichment needs; {@link #of(RealEstateApiClient)} adapts a client. */
    public interface Sources {

        /** The valuation of a property. */
        CompletableFuture<Valuation> valuation(String propertyId);

        /** The figures of a property's area. */
        CompletableFuture<Demographics> demographics(Property property);

        /** Schools within {@code radiusMiles} of a property. */
        CompletableFuture<List<School>> schools(Property property, double radiusMiles);
    }

    /**
     * Enrichment settings.
     *
     * @param concurrency upstream lookups in flight at once, at least 1 (default 8)
     * @param schoolRadiusMiles school search radius, (0, 25] (default 3)
     * @param valuation whether to fetch valuations (default true)
     * @param demographics whether to fetch demographics (default true)
     * @param schools whether to fetch schools (default true)
     */
    public record Options(
            int concurrency,
            double schoolRadiusMiles,
            boolean valuation,
            boolean demographics,
            boolean schools) {

        /** Validates the concurrency and the radius. */
        public Options {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
            }
            if (!(schoolRadiusMiles > 0 && schoolRadiusMiles <= 25)) {
                throw new IllegalArgumentException(
                        "schoolRadiusMiles must be in (0, 25], got " + schoolRadiusMiles);
            }
        }

        /** Every part, 8 at a time, schools within 3 miles. */
        public static Options defaults() {
            return new Options(
                    8, RealEstateApiClient.DEFAULT_SCHOOL_RADIUS_MILES, true, true, true);
        }

        /** These options with another concurrency. */
        public Options withConcurrency(int newConcurrency) {
            return new Options(newConcurrency, schoolRadiusMiles, valuation, demographics, schools);
        }
    }

    private final Sources sources;
    private final Options options;
    private final AsyncLimiter limiter;

    private Enricher(Sources sources, Options options) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.options = Objects.requireNonNull(options, "options");
        this.limiter = new AsyncLimiter(options.concurrency());
    }

    /** An enricher over {@code client} with {@link Options#defaults()}. */
    public static Enricher of(RealEstateApiClient client) {
        return of(client, Options.defaults());
    }

    /** An enricher over {@code client}. */
    public static Enricher of(RealEstateApiClient client, Options options) {
        return create(
                new Sources() {
                    @Override
                    public CompletableFuture<Valuation> valuation(String propertyId) {
                        return client.getValuationAsync(propertyId);
                    }

                    @Override
                    public CompletableFuture<Demographics> demographics(Property property) {
                        return client.getDemographicsAsync(property);
                    }

                    @Override
                    public CompletableFuture<List<School>> schools(
                            Property property, double radiusMiles) {
                        return client.getNearbySchoolsAsync(property, radiusMiles);
                    }
                },
                options);
    }

    /** An enricher over any sources. */
    public static Enricher create(Sources sources, Options options) {
        return new Enricher(sources, options);
    }

    /** Enriches {@code properties}, blocking until every part has loaded or failed. */
    public List<EnrichedProperty> enrich(List<Property> properties) {
        return enrichAsync(properties).join();
    }

    /**
     * Enriches {@code properties}; the result keeps their order and never completes exceptionally
     * because of a part.
     */
    public CompletableFuture<List<EnrichedProperty>> enrichAsync(List<Property> properties) {
        Map<String, CompletableFuture<Demographics>> areas = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<List<School>>> schoolAreas = new ConcurrentHashMap<>();
        List<CompletableFuture<EnrichedProperty>> results = new ArrayList<>(properties.size());
        for (Property property : properties) {
            results.add(enrichOne(property, areas, schoolAreas));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture<?>[]::new))
                .thenApply(ignored -> results.stream().map(CompletableFuture::join).toList());
    }

    /** One demographics lookup per ZIP, shared by every property of the ZIP in this call. */
    private CompletableFuture<Demographics> areaDemographics(
            Property property, Map<String, CompletableFuture<Demographics>> areas) {
        return areas.computeIfAbsent(
                property.address().zip(), zip -> limited(() -> sources.demographics(property)));
    }

    /** One school lookup per rounded point, shared by every property near it in this call. */
    private CompletableFuture<List<School>> areaSchools(
            Property property, Map<String, CompletableFuture<List<School>>> schoolAreas) {
        Coordinates cell = rounded(property.coordinates());
        return schoolAreas.computeIfAbsent(
                cell.lat() + "," + cell.lng(),
                key -> limited(() -> sources.schools(property, options.schoolRadiusMiles())));
    }

    private CompletableFuture<EnrichedProperty> enrichOne(
            Property property,
            Map<String, CompletableFuture<Demographics>> areas,
            Map<String, CompletableFuture<List<School>>> schoolAreas) {
        CompletableFuture<PartResult<Valuation>> valuation =
                options.valuation()
                        ? part("valuation", () -> limited(() -> sources.valuation(property.id())))
                        : skipped();
        CompletableFuture<PartResult<Demographics>> demographics =
                options.demographics()
                        ? part("demographics", () -> areaDemographics(property, areas))
                        : skipped();
        CompletableFuture<PartResult<List<School>>> schools =
                options.schools()
                        ? part("schools", () -> areaSchools(property, schoolAreas))
                        : skipped();
        return CompletableFuture.allOf(valuation, demographics, schools)
                .thenApply(
                        ignored ->
                                new EnrichedProperty(
                                        property,
                                        valuation.join(),
                                        demographics.join(),
                                        schools.join()));
    }

    private <T> CompletableFuture<T> limited(Supplier<CompletableFuture<T>> lookup) {
        return limiter.submit(lookup);
    }

    private <T> CompletableFuture<PartResult<T>> part(
            String name, Supplier<CompletableFuture<T>> lookup) {
        CompletableFuture<T> future;
        try {
            future = lookup.get();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return future.handle(
                (value, failure) -> {
                    if (failure == null) {
                        return new PartResult.Loaded<>(value);
                    }
                    Throwable cause = ErrorMapper.unwrap(failure);
                    return new PartResult.Failed<>(name + ": " + cause.getMessage(), cause);
                });
    }

    private static <T> CompletableFuture<PartResult<T>> skipped() {
        return CompletableFuture.completedFuture(new PartResult.Skipped<>());
    }

    private static Coordinates rounded(Coordinates point) {
        return new Coordinates(round3(point.lat()), round3(point.lng()));
    }

    private static double round3(double degrees) {
        return Math.round(degrees * 1000.0) / 1000.0;
    }
}
