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

/**
 * Authenticates callers by their own API key and spends their per-class request budget. Writes the
 * IETF {@code RateLimit-Policy} and {@code RateLimit} headers (structured-field form) on every
 * limited response. Thread-safe.
 */
final class Guard {

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
        Optional<String> key = presentedKey(ctx);
        if (key.isEmpty()) {
            throw ProblemException.of(
                    ProblemType.UNAUTHORIZED,
                    "send your API key in X-API-Key or Authorization: Bearer");
        }
        Principal principal =
                apiKeys.authenticate(key.get())
                        .orElseThrow(
                                () ->
                                        ProblemException.of(
                                                ProblemType.UNAUTHORIZED,
                                                "the API key is unknown or revoked"));
        ctx.attribute(PRINCIPAL, principal);
        return principal;
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
        RateLimit limit = principal.plan().limit(cls);
        RateLimiter.Decision decision =
                rateLimiter.tryAcquire(principal.userId() + ":" + cls.key(), limit);
        ctx.header(
                "RateLimit-Policy",
                "\"" + cls.key() + "\";q=" + limit.requests() + ";w=" + limit.window().toSeconds());
        ctx.header(
                "RateLimit",
                "\""
                        + cls.key()
                        + "\";r="
                        + Math.max(0, decision.remaining())
                        + ";t="
                        + ceilSeconds(decision.resetAfter()));
        if (!decision.allowed()) {
            rejections.get(cls).increment();
            throw ProblemException.retryLater(
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
                    decision.retryAfter());
        }
    }

    private static Optional<String> presentedKey(Context ctx) {
        String header = ctx.header("X-API-Key");
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        String authorization = ctx.header("Authorization");
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
}
