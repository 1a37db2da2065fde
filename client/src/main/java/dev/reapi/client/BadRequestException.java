package dev.reapi.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The upstream rejected the request as malformed (400). Never retried. */
public final class BadRequestException extends RealEstateApiException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    /** Creates the exception; the message lists the bad fields. */
    public BadRequestException(
            String operation,
            String requestId,
            String detail,
            List<FieldError> errors,
            @Nullable Throwable cause) {
        super(operation, 400, requestId, withFields(detail, errors), cause);
        this.errors = List.copyOf(errors);
    }

    /** One entry for each bad field, as the upstream named them; possibly empty. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Appends the bad fields unless the detail already names them, as some servers do. */
    private static String withFields(String detail, List<FieldError> errors) {
        String fields = describe(errors);
        return fields.isEmpty() || detail.contains(fields.substring(2, fields.length() - 1))
                ? detail
                : detail + fields;
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" [");
        for (int i = 0; i < errors.size(); i++) {
            if (i > 0) {
                out.append("; ");
            }
            out.append(errors.get(i).field()).append(": ").append(errors.get(i).message());
        }
        return out.append(']').toString();
    }

    /**
     * One bad field.
     *
     * @param field JSON path of the field, e.g. {@code filters.price_min}
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {

        /** Requires both members. */
        public FieldError {
            java.util.Objects.requireNonNull(field, "field");
            java.util.Objects.requireNonNull(message, "message");
        }
    }
}
