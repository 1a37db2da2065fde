package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.gateway.application.sync.WebhookIngestion;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/property-updates}: the upstream's property events. The signature is checked
 * first (401 problem when it is missing, wrong or expired), then the body (400 problem for a
 * malformed body or an unknown event type); neither touches any state. A valid event is stored in
 * the inbox once per {@code webhook-id} and answered 202 before it is applied; a redelivery is
 * answered 200. These routes take no API key: the signature is the authentication. Thread-safe.
 */
public final class WebhookRoutes {

    /** The path the upstream delivers to. */
    public static final String PATH = "/webhooks/property-updates";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);

    private final WebhookIngestion ingestion;
    private final WebhookSignatures signatures;
    private final ObjectMapper mapper = new ObjectMapper();

    /** Routes storing verified events through {@code ingestion}. */
    public WebhookRoutes(WebhookIngestion ingestion, WebhookSignatures signatures) {
        this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
    }

    /** Registers {@value #PATH}. */
    public void register(RoutesConfig routes) {
        routes.post(PATH, this::receive);
    }

    private void receive(Context ctx) {
        String id = header(ctx, "webhook-id");
        String body = ctx.body();
        Optional<String> rejection =
                signatures.rejection(
                        id,
                        header(ctx, "webhook-timestamp"),
                        header(ctx, "webhook-signature"),
                        body);
        if (rejection.isPresent()) {
            LOG.warn("Webhook {} rejected: {}", id, rejection.get());
            throw ProblemException.of(ProblemType.UNAUTHORIZED, rejection.get());
        }
        WebhookEvent event = parse(id, body);
        boolean fresh = ingestion.accept(event, body);
        ctx.status(fresh ? 202 : 200)
                .contentType(ContentType.APPLICATION_JSON)
                .result(answer(id, fresh));
    }

    /**
     * {@code {"webhook_id": id, "duplicate": !fresh}}, written by hand: this answers every
     * delivery, and a general object mapper costs more than the rest of the route's own work.
     */
    static String answer(String id, boolean fresh) {
        var json = new StringBuilder(id.length() + 40).append("{\"webhook_id\":\"");
        JsonStringEncoder.getInstance().quoteAsString(id, json);
        return json.append("\",\"duplicate\":").append(!fresh).append('}').toString();
    }

    private static String header(Context ctx, String name) {
        String value = ctx.header(name);
        if (value == null || value.isBlank()) {
            throw ProblemException.of(ProblemType.UNAUTHORIZED, "header " + name + " is missing");
        }
        return value;
    }

    private WebhookEvent parse(String id, String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.of(ProblemType.MALFORMED_JSON, "the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.invalid("", "the body must be a JSON object");
        }
        WebhookEvent.Type type;
        try {
            type = WebhookEvent.Type.fromWire(text(root, "type"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("type", "unknown event type");
        }
        JsonNode data = root.path("data");
        boolean price = type == WebhookEvent.Type.PRICE_CHANGED;
        JsonNode value = data.path(price ? "new_price" : "new_status");
        if (price ? !value.canConvertToExactIntegral() : !value.isTextual()) {
            throw ProblemException.invalid(
                    "data." + (price ? "new_price" : "new_status"), "missing or of the wrong type");
        }
        try {
            return new WebhookEvent(
                    id,
                    type,
                    text(data, "property_id"),
                    value.asText(),
                    instant(text(data, "changed_at")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProblemException.invalid("data", firstLine(e.getMessage()));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw ProblemException.invalid(field, "missing or not a string");
        }
        return value.asText();
    }

    /** {@code text}, an ISO-8601 date-time with an offset, as an instant. */
    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "invalid" : message.lines().findFirst().orElse("invalid");
    }
}
