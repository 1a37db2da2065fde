package dev.reapi.gateway.adapter.out.upstream;

import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.client.model.UpdatedJsonPage;
import dev.reapi.client.model.UpdatedPage;
import dev.reapi.client.model.UpdatedRequest;
import dev.reapi.gateway.application.port.out.UpdatedFeed;
import dev.reapi.gateway.application.port.out.UpstreamFailure;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The upstream's updated feed through the SDK, which retries and limits as configured. Every
 * failure becomes {@link UpstreamFailure} of kind {@code UNAVAILABLE}: a batch sync stops and
 * resumes from its checkpoint at the next run either way. Thread-safe.
 */
public final class ClientUpdatedFeed implements UpdatedFeed {

    private final RealEstateApiClient client;

    /** A feed read through {@code client}. */
    public ClientUpdatedFeed(RealEstateApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public UpdatedPage page(Instant since, @Nullable String cursor, int limit) {
        try {
            return client.getUpdated(new UpdatedRequest(since, cursor, limit));
        } catch (RealEstateApiException e) {
            throw failure(since, e);
        }
    }

    /** The page with each property's JSON as the upstream sent it. */
    @Override
    public Page pageWithJson(Instant since, @Nullable String cursor, int limit) {
        try {
            UpdatedJsonPage page =
                    client.getUpdatedWithJson(new UpdatedRequest(since, cursor, limit));
            return new Page(page.page(), page.propertyJson());
        } catch (RealEstateApiException e) {
            throw failure(since, e);
        }
    }

    private static UpstreamFailure failure(Instant since, RealEstateApiException e) {
        return new UpstreamFailure(
                UpstreamFailure.Kind.UNAVAILABLE,
                "updated feed since " + since + " failed: " + e.getMessage(),
                Optional.empty(),
                e);
    }
}
