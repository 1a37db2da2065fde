package dev.reapi.client.internal;

import dev.reapi.client.RealEstateApiException;
import java.io.IOException;

/**
 * Turns the body of a 2xx answer into the operation's result. A protocol whose errors can arrive
 * inside a 2xx answer throws the typed {@link RealEstateApiException} from here; the transport then
 * treats it exactly like an error status (breaker, retry, log).
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface ResponseReader<T> {

    /**
     * Decodes {@code body}.
     *
     * @throws IOException when the body is not what the operation answers
     * @throws RealEstateApiException when the body reports an error
     */
    T read(String operation, String requestId, int status, byte[] body) throws IOException;
}
