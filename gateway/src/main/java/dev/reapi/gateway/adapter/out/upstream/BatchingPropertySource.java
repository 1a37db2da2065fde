package dev.reapi.gateway.adapter.out.upstream;

import dev.reapi.client.NotFoundException;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.client.batch.PropertyBatcher;
import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.Demographics;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.Schools;
import dev.reapi.client.model.SearchPage;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.model.Valuation;
import dev.reapi.gateway.application.port.out.MeteredDetails;
import dev.reapi.gateway.application.port.out.PropertySource;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import dev.reapi.gateway.domain.property.EnrichedProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PropertySource} whose single-property lookups go through the client's {@link
 * PropertyBatcher}: lookups of different ids that arrive within the batcher's window share one bulk
 * call. Each bulk call is charged to the lookup of its first id ({@link MeteredDetails}), so the
 * usage ledger counts it once. Everything else is delegated unchanged. Thread-safe; close it to
 * send what is pending and stop the batcher's timer.
 */
public final class BatchingPropertySource implements PropertySource, MeteredDetails, AutoCloseable {

    private final ClientPropertySource delegate;
    private final PropertyBatcher batcher;
    // Ids whose lookup carries the bulk call they were sent in.
    private final Set<String> payers = ConcurrentHashMap.newKeySet();

    /** Batches {@code client}'s detail lookups with {@code options}. */
    public BatchingPropertySource(
            ClientPropertySource delegate,
            RealEstateApiClient client,
            PropertyBatcher.Options options) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.batcher =
                PropertyBatcher.create(
                        (ids, requestId) -> {
                            payers.add(ids.getFirst());
                            return client.withRequestId(requestId).getPropertiesAsync(ids);
                        },
                        options);
    }

    @Override
    public Metered lookup(String id, String requestId) {
        try {
            Property found = batcher.get(id).join();
            return new Metered(Optional.of(found), charge(id), 1);
        } catch (CompletionException e) {
            int calls = charge(id);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof NotFoundException) {
                return new Metered(Optional.empty(), calls, 0);
            }
            if (cause instanceof RealEstateApiException upstream) {
                throw delegate.translate(upstream);
            }
            throw new UpstreamFailure(
                    UpstreamFailure.Kind.UNAVAILABLE,
                    "batched lookup of " + id + " failed (request " + requestId + ")",
                    Optional.empty(),
                    cause);
        }
    }

    @Override
    public Property property(String id, String requestId) {
        return lookup(id, requestId)
                .property()
                .orElseThrow(
                        () ->
                                new UpstreamFailure(
                                        UpstreamFailure.Kind.NOT_FOUND,
                                        "the upstream has no property " + id,
                                        Optional.empty(),
                                        new IllegalStateException("missing from bulk answer")));
    }

    @Override
    public SearchPage search(SearchRequest request, String requestId) {
        return delegate.search(request, requestId);
    }

    @Override
    public BulkResult bulk(List<String> ids, String requestId) {
        return delegate.bulk(ids, requestId);
    }

    @Override
    public Valuation valuation(String propertyId, String requestId) {
        return delegate.valuation(propertyId, requestId);
    }

    @Override
    public Valuation valuationByAddress(String address, String requestId) {
        return delegate.valuationByAddress(address, requestId);
    }

    @Override
    public Demographics demographics(Property property, String requestId) {
        return delegate.demographics(property, requestId);
    }

    @Override
    public Schools schools(Property property, String requestId) {
        return delegate.schools(property, requestId);
    }

    @Override
    public EnrichedProperty enrich(Property property, String requestId) {
        return delegate.enrich(property, requestId);
    }

    @Override
    public void close() {
        batcher.close();
    }

    /** 1 when this lookup's id carried its bulk call, else 0. */
    private int charge(String id) {
        return payers.remove(id) ? 1 : 0;
    }
}
