package dev.reapi.gateway.application.cache;

import dev.reapi.gateway.domain.property.Provenance;
import dev.reapi.gateway.domain.property.Provenance.Source;
import java.util.List;

/** Combines the provenances of an answer's parts into the answer's own. Stateless. */
final class Provenances {

    private Provenances() {}

    /**
     * The provenance of an answer assembled from {@code parts}: the least fresh part's source
     * (fresh, then cache, stale, replica), the oldest part's age, and the calls of all parts.
     */
    static Provenance combine(List<Provenance> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("parts must not be empty");
        }
        Source source = Source.FRESH;
        long age = 0;
        int calls = 0;
        for (Provenance part : parts) {
            if (rank(part.source()) > rank(source)) {
                source = part.source();
            }
            age = Math.max(age, part.ageSeconds());
            calls += part.upstreamCalls();
        }
        return new Provenance(source, age, calls);
    }

    private static int rank(Source source) {
        return switch (source) {
            case FRESH -> 0;
            case CACHE -> 1;
            case STALE -> 2;
            case REPLICA -> 3;
            case PARTIAL -> 4;
        };
    }
}
