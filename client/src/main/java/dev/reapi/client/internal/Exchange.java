package dev.reapi.client.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a protocol asks the transport to do for one operation: where to send what, and how to read
 * the answer and its errors.
 *
 * @param operation the operation name used in logs, metrics and exceptions
 * @param method {@code GET} or {@code POST}
 * @param pathAndQuery the target below the base URL, starting with {@code /}
 * @param body the object to send as JSON, null for none
 * @param authenticated whether to send the API key
 * @param reader decodes a 2xx answer
 * @param errors maps a non-2xx answer
 * @param <T> the result type
 */
public record Exchange<T>(
        String operation,
        String method,
        String pathAndQuery,
        @Nullable Object body,
        boolean authenticated,
        ResponseReader<T> reader,
        ResponseErrors errors) {}
