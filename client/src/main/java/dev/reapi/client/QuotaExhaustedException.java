package dev.reapi.client;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The daily record quota is used up (429 with {@code limit: quota}). Never retried: the quota only
 * comes back at {@link #resetsAt()}.
 */
public final class QuotaExhaustedException extends RealEstateApiException {

    private static final long serialVersionUID = 1L;

    private final Instant resetsAt;

    /** Creates the exception; the message includes the reset instant. */
    public QuotaExhaustedException(
            String operation,
            String requestId,
            Instant resetsAt,
            String detail,
            @Nullable Throwable cause) {
        super(operation, 429, requestId, detail + " (quota resets at " + resetsAt + ")", cause);
        this.resetsAt = resetsAt;
    }

    /** When the quota resets (midnight UTC on the upstream). */
    public Instant resetsAt() {
        return resetsAt;
    }
}
