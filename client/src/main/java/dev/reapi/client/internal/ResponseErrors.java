package dev.reapi.client.internal;

import dev.reapi.client.RealEstateApiException;
import java.util.Optional;

/** Turns a non-2xx answer into the client's typed exception; one implementation per protocol. */
@FunctionalInterface
public interface ResponseErrors {

    /**
     * The exception for a non-2xx response.
     *
     * @param retryAfter the raw {@code Retry-After} header, if any
     */
    RealEstateApiException fromResponse(
            String operation,
            String requestId,
            int status,
            byte[] body,
            Optional<String> retryAfter);
}
