package dev.reapi.client.internal;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * One logical call: what to send, whatever its retries.
 *
 * @param operation the upstream operation id, e.g. {@code getProperty}
 * @param method {@code GET} or {@code POST}
 * @param uri the full target
 * @param body the JSON body of a POST, null for a GET
 * @param authenticated whether to send the API key
 * @param requestId the {@code X-Request-Id} of every attempt
 */
// Never compared or hashed: the array only carries the already-encoded body to the transport.
@SuppressWarnings("ArrayRecordComponent")
record Call(
        String operation,
        String method,
        URI uri,
        byte @Nullable [] body,
        boolean authenticated,
        String requestId) {}
