package dev.reapi.gateway.adapter.in.http;

import dev.reapi.gateway.application.port.out.ApiKeys;
import dev.reapi.gateway.application.port.out.RateLimiter;
import dev.reapi.gateway.domain.user.EndpointClass;
import dev.reapi.gateway.domain.user.Principal;
import dev.reapi.gateway.domain.user.RateLimit;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Authenticates callers by their own API key and spends their per-class request budget. Writes the
 * IETF {@code RateLimit-Policy} and {@code RateLimit} headers (structured-field form) on every
 * limited response. Thread-safe.
 */
final class Guard {

    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String STATE_HEADER = "RateLimit";

    private static final String PRINCIPAL = "reapi.principal";
    private static final String BEARER = "bearer ";

    private final ApiKeys apiKeys;
    private final RateLimiter rateLimiter;
    private final Map<EndpointClass, Counter> rejections = new EnumMap<>(EndpointClass.class);

    Guard(ApiKeys apiKeys, RateLimiter rateLimiter, MeterRegistry registry) {
        this.apiKeys = apiKeys;
        this.rateLimiter = rateLimiter;
        for (EndpointClass cls : EndpointClass.values()) {
            rejections.put(
                    cls,
                    Counter.builder("reapi.ratelimit.rejections")
                            .description("Requests rejected by a user's rate limit")
                            .tag("class", cls.key())
                            .register(registry));
        }
    }

    /** The caller, stored on the context; a 401 problem when the key is missing or unknown. */
    Principal authenticate(Context ctx) {
        Principal principal =
                authenticate(presentedKey(ctx.header("X-API-Key"), ctx.header("Authorization")));
        ctx.attribute(PRINCIPAL, principal);
        return principal;
    }

    /** The caller behind {@code key}; a 401 problem when it is missing or unknown. */
    Principal authenticate(Optional<String> key) {
        if (key.isEmpty()) {
            throw ProblemException.of(
                    ProblemType.UNAUTHORIZED,
                    "send your API key in X-API-Key or Authorization: Bearer");
        }
        return apiKeys.authenticate(key.get())
                .orElseThrow(
                        () ->
                                ProblemException.of(
                                        ProblemType.UNAUTHORIZED,
                                        "the API key is unknown or revoked"));
    }

    /** The authenticated caller of this request, if any. */
    static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** A 403 problem unless the caller holds an admin key. */
    void requireAdmin(Context ctx) {
        Principal principal = principal(ctx).orElseGet(() -> authenticate(ctx));
        if (!principal.admin()) {
            throw ProblemException.of(
                    ProblemType.FORBIDDEN, "this route needs an admin key; yours is a user key");
        }
    }

    /** Spends one request of the caller's budget for {@code cls}; a 429 problem when empty. */
    void spend(Context ctx, EndpointClass cls) {
        Principal principal = principal(ctx).orElseGet(() -> authenticate(ctx));
        Spent spent = spend(principal, cls);
        ctx.header(POLICY_HEADER, spent.policy());
        ctx.header(STATE_HEADER, spent.state());
        if (spent.rejection().isPresent()) {
            throw spent.rejection().get();
        }
    }

    /**
     * Spends one request of {@code principal}'s budget for {@code cls}: the rate-limit headers to
     * send, and the 429 problem to answer with when the budget is empty (counted as a rejection).
     */
    Spent spend(Principal principal, EndpointClass cls) {
        RateLimit limit = principal.plan().limit(cls);
        RateLimiter.Decision decision =
                rateLimiter.tryAcquire(principal.userId() + ":" + cls.key(), limit);
        String policy =
                "\"" + cls.key() + "\";q=" + limit.requests() + ";w=" + limit.window().toSeconds();
        String state =
                "\""
                        + cls.key()
                        + "\";r="
                        + Math.max(0, decision.remaining())
                        + ";t="
                        + ceilSeconds(decision.resetAfter());
        if (decision.allowed()) {
            return new Spent(policy, state, Optional.empty());
        }
        rejections.get(cls).increment();
        return new Spent(
                policy,
                state,
                Optional.of(
                        ProblemException.retryLater(
                                ProblemType.RATE_LIMITED,
                                "the "
                                        + cls.key()
                                        + " limit of plan '"
                                        + principal.plan().name()
                                        + "' is "
                                        + limit.requests()
                                        + " requests per "
                                        + limit.window().toSeconds()
                                        + " s",
                                decision.retryAfter())));
    }

    /** The key presented in {@code X-API-Key} or else as an {@code Authorization} bearer token. */
    static Optional<String> presentedKey(
            @Nullable String apiKeyHeader, @Nullable String authorization) {
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return Optional.of(apiKeyHeader.strip());
        }
        if (authorization != null
                && authorization.length() > BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }

    private static long ceilSeconds(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        return (millis + 999) / 1000;
    }

    /**
     * The outcome of spending one request.
     *
     * @param policy the {@code RateLimit-Policy} header value
     * @param state the {@code RateLimit} header value
     * @param rejection the 429 problem when the budget was empty
     */
    record Spent(String policy, String state, Optional<ProblemException> rejection) {}
}
