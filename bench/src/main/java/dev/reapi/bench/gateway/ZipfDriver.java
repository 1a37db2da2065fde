package dev.reapi.bench.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Drives {@code GET <prefix><id>} requests at one target and prints one JSON line: requests,
 * errors, distinct ids, elapsed milliseconds, answers by status and by {@code meta.source}.
 *
 * <p>Options (each {@code --name value}):
 *
 * <ul>
 *   <li>{@code --base} the target's base URL (required)
 *   <li>{@code --header} one extra header, {@code "Name: value"} (default none)
 *   <li>{@code --prefix} the path before the id (default {@code /api/properties/})
 *   <li>{@code --distribution} {@code zipf} (seeded draws of ranks) or {@code sequential} (each id
 *       once, in order, repeated until {@code --requests}) (default {@code zipf})
 *   <li>{@code --ids} the number of distinct ids (default 20000)
 *   <li>{@code --first} the number of the first id; rank r is id {@code first + r - 1} (default 1)
 *   <li>{@code --requests} requests to send (default 100000)
 *   <li>{@code --exponent} the Zipf exponent s (default 1.0)
 *   <li>{@code --seed} the Zipf seed (default 42): the same seed gives the same sequence
 *   <li>{@code --concurrency} concurrent workers, one virtual thread each (default 64)
 * </ul>
 *
 * Ids are formatted like the sandbox's ({@code P000000042}). A bad option ends with a one-line
 * message and exit status 2.
 */
public final class ZipfDriver {

    private ZipfDriver() {}

    /** Runs once with the options above; see the class comment. */
    public static void main(String[] args) throws InterruptedException {
        try {
            Map<String, String> options = parse(args);
            List<String> paths = paths(options);
            String base = required(options, "base");
            Optional<LoadRun.Header> header =
                    Optional.ofNullable(options.get("header")).map(LoadRun.Header::parse);
            int concurrency = integer(options, "concurrency", 64);

            LoadRun.Result result = new LoadRun(base, header).run(paths, concurrency);

            System.out.println(json(result, paths.stream().distinct().count()));
        } catch (IllegalArgumentException e) {
            System.err.println("ZipfDriver: " + e.getMessage());
            System.exit(2);
        }
    }

    static List<String> paths(Map<String, String> options) {
        String prefix = options.getOrDefault("prefix", "/api/properties/");
        String distribution = options.getOrDefault("distribution", "zipf");
        int ids = integer(options, "ids", 20_000);
        int first = integer(options, "first", 1);
        int requests = integer(options, "requests", 100_000);
        if (ids < 1 || first < 1 || requests < 0) {
            throw new IllegalArgumentException(
                    "ids and first must be >= 1 and requests >= 0, were "
                            + ids
                            + ", "
                            + first
                            + ", "
                            + requests);
        }

        int[] ranks =
                switch (distribution) {
                    case "zipf" -> {
                        double exponent = decimal(options, "exponent", 1.0);
                        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
                        yield new ZipfSampler(ids, exponent).sequence(requests, seed);
                    }
                    case "sequential" -> sequential(ids, requests);
                    default ->
                            throw new IllegalArgumentException(
                                    "distribution must be zipf or sequential, was " + distribution);
                };
        var paths = new ArrayList<String>(requests);
        for (int rank : ranks) {
            paths.add(prefix + String.format(Locale.ROOT, "P%09d", first + rank - 1));
        }
        return paths;
    }

    private static int[] sequential(int ids, int requests) {
        int[] ranks = new int[requests];
        for (int i = 0; i < requests; i++) {
            ranks[i] = i % ids + 1;
        }
        return ranks;
    }

    static Map<String, String> parse(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + name + " must be an integer, was " + value, e);
        }
    }

    private static double decimal(Map<String, String> options, String name, double fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, was " + value, e);
        }
    }

    static String json(LoadRun.Result result, long distinct) {
        return String.format(
                Locale.ROOT,
                "{\"requests\":%d,\"errors\":%d,\"distinct_ids\":%d,\"elapsed_ms\":%d,"
                        + "\"statuses\":%s,\"sources\":%s}",
                result.requests(),
                result.errors(),
                distinct,
                result.elapsedMillis(),
                object(result.statuses()),
                object(result.sources()));
    }

    private static String object(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
