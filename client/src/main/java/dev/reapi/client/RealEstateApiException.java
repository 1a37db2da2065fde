package dev.reapi.client;

import org.jspecify.annotations.Nullable;

/**
 * The root of every failure the client reports. Unchecked; each subtype names what failed. The
 * message always carries the operation, the HTTP status ({@code 0} when no response arrived) and
 * the request id, and never the API key.
 */
public abstract sealed class RealEstateApiException extends RuntimeException
        permits BadRequestException,
                UnauthorizedException,
                MissingScopeException,
                NotFoundException,
                RateLimitedException,
                QuotaExhaustedException,
                UpstreamUnavailableException,
                CircuitOpenException,
                UpstreamTimeoutException,
                ClientLimitException,
                ChangeFileExpiredException,
                UnexpectedResponseException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int status;
    private final String requestId;

    RealEstateApiException(
            String operation,
            int status,
            String requestId,
            String detail,
            @Nullable Throwable cause) {
        super(format(operation, status, requestId, detail), cause);
        this.operation = operation;
        this.status = status;
        this.requestId = requestId;
    }

    /** The operation that failed, e.g. {@code getProperty}. */
    public String operation() {
        return operation;
    }

    /** The HTTP status of the last attempt, or {@code 0} when no response arrived. */
    public int status() {
        return status;
    }

    /** The request id sent with every attempt of the call. */
    public String requestId() {
        return requestId;
    }

    /** Whether a later identical call may succeed (the upstream, not the request, failed). */
    public boolean isTransient() {
        return false;
    }

    private static String format(String operation, int status, String requestId, String detail) {
        String statusText = status == 0 ? "no response" : "status " + status;
        return operation + " failed (" + statusText + ", request id " + requestId + "): " + detail;
    }
}
