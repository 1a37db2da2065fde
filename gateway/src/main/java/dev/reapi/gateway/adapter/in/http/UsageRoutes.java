package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reapi.gateway.application.port.in.UsageQueries;
import dev.reapi.gateway.domain.ledger.DailyUsage;
import dev.reapi.gateway.domain.ledger.UsageReport;
import dev.reapi.gateway.domain.ledger.UsageTotals;
import dev.reapi.gateway.domain.user.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/usage?from=YYYY-MM-DD&to=YYYY-MM-DD}: a user's own usage; with an admin key,
 * every user's (or one user's with {@code user=<id>}). Both days default to today (UTC).
 */
final class UsageRoutes {

    private static final Set<String> PARAMETERS = Set.of("from", "to", "user");

    private final UsageQueries usage;
    private final Guard guard;
    private final ObjectMapper mapper;

    UsageRoutes(UsageQueries usage, Guard guard, ObjectMapper mapper) {
        this.usage = usage;
        this.guard = guard;
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/usage", this::report);
    }

    private void report(Context ctx) {
        Principal principal = Guard.principal(ctx).orElseGet(() -> guard.authenticate(ctx));
        for (String name : ctx.queryParamMap().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ProblemException.invalid(
                        name, "unknown query parameter; expected from, to, user");
            }
        }
        LocalDate from = day(ctx, "from").orElseGet(usage::today);
        LocalDate to = day(ctx, "to").orElse(from.isAfter(usage.today()) ? from : usage.today());
        Optional<String> user = Optional.ofNullable(ctx.queryParam("user"));
        if (!principal.admin()) {
            if (user.isPresent() && !user.get().equals(principal.userId())) {
                throw ProblemException.of(
                        ProblemType.FORBIDDEN, "only an admin key may read another user's usage");
            }
            user = Optional.of(principal.userId());
        }
        UsageReport report;
        try {
            report = usage.report(user, from, to);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("from", e.getMessage());
        }
        ObjectNode body = mapper.createObjectNode();
        body.set("data", render(report));
        body.putObject("meta").put("request_id", RequestContext.requestId(ctx));
        ctx.contentType(ContentType.APPLICATION_JSON).result(body.toString());
    }

    private ObjectNode render(UsageReport report) {
        ObjectNode data = mapper.createObjectNode();
        data.put("from", report.from().toString());
        data.put("to", report.to().toString());
        data.put("scope", report.userId().isPresent() ? "user" : "all");
        data.put("currency", report.price().currency().getCurrencyCode());
        data.put("price_per_record", report.price().perRecord().toPlainString());
        totals(data.putObject("totals"), report.totals(), report.spent());
        ArrayNode users = data.putArray("users");
        for (UsageReport.UserUsage user : report.users()) {
            ObjectNode row = users.addObject().put("user_id", user.userId());
            totals(row, user.totals(), user.spent());
        }
        ArrayNode days = data.putArray("days");
        for (DailyUsage day : report.days()) {
            ObjectNode row =
                    days.addObject()
                            .put("day", day.day().toString())
                            .put("user_id", day.userId())
                            .put("endpoint", day.endpoint());
            totals(row, day.totals(), day.totals().spent(report.price()));
        }
        return data;
    }

    private static void totals(ObjectNode node, UsageTotals totals, BigDecimal spent) {
        node.put("requests", totals.requests());
        node.put("upstream_calls", totals.upstreamCalls());
        node.put("records_billed", totals.recordsBilled());
        node.put("saved_requests", totals.savedRequests());
        node.put("spent", spent.toPlainString());
    }

    private static Optional<LocalDate> day(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }
}
