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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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

    /**
     * {@code text} as an instant. The upstream writes UTC with a {@code Z}, which is read here by
     * hand (this runs for every delivery, and the general parser costs more than the rest of the
     * body's checks); any other form, and any invalid field, goes to {@link OffsetDateTime#parse}.
     */
    static Instant instant(String text) {
        Instant utc = utcOrNull(text);
        return utc != null ? utc : OffsetDateTime.parse(text).toInstant();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} read by hand, or null for any other text. */
    private static @Nullable Instant utcOrNull(String t) {
        int n = t.length();
        if (n < 20
                || n > 30
                || t.charAt(n - 1) != 'Z'
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (t.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(t, 20, n - 1);
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0
                || hour > 23
                || minute > 59
                || second > 59
                || month < 1
                || month > 12
                || day < 1
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code t[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "invalid" : message.lines().findFirst().orElse("invalid");
    }
}
