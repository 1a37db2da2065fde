package dev.reapi.sandbox.http;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Strict parsing of query parameters into numbers; messages name the parameter. */
final class QueryParams {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,12})?");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,12}");

    private QueryParams() {}

    static double number(
            Context ctx,
            String name,
            @Nullable Double dflt,
            double min,
            double max,
            boolean minOpen) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            if (dflt == null) {
                throw ApiProblem.badRequest(name, "is required");
            }
            return dflt;
        }
        if (!DECIMAL.matcher(raw).matches()) {
            throw ApiProblem.badRequest(name, "must be a decimal number");
        }
        double v = Double.parseDouble(raw);
        if (v > max || v < min || (minOpen && v == min)) {
            throw ApiProblem.badRequest(
                    name, "must be " + (minOpen ? "> " : ">= ") + fmt(min) + " and <= " + fmt(max));
        }
        return v;
    }

    static long integer(Context ctx, String name, long dflt, long min, long max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return dflt;
        }
        if (!INTEGER.matcher(raw).matches()) {
            throw ApiProblem.badRequest(name, "must be an integer");
        }
        long v = Long.parseLong(raw);
        if (v < min || v > max) {
            throw ApiProblem.badRequest(name, "must be between " + min + " and " + max);
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
