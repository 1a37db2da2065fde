package dev.reapi.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.reapi.client.Provider;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.gateway.adapter.out.cache.TieredCacheSettings;
import dev.reapi.gateway.domain.cache.CachePolicy;
import dev.reapi.gateway.domain.cache.DataType;
import dev.reapi.gateway.domain.ledger.RecordPrice;
import dev.reapi.gateway.domain.user.EndpointClass;
import dev.reapi.gateway.domain.user.Plan;
import dev.reapi.gateway.domain.user.RateLimit;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Reads YAML and environment overrides into {@link GatewayConfig}; every error names its key. */
final class ConfigLoader {

    /** Environment variables and the YAML keys they override, in the order documented. */
    static final Map<String, String> ENV_KEYS =
            Map.ofEntries(
                    Map.entry("REALESTATEAPI_KEY", "upstream.api_key"),
                    Map.entry("REALESTATEAPI_BASE_URL", "upstream.base_url"),
                    Map.entry("REALESTATEAPI_TIMEOUT_MS", "upstream.timeout_ms"),
                    Map.entry("REALESTATEAPI_PROVIDER", "upstream.provider"),
                    Map.entry("REAPI_HOST", "server.host"),
                    Map.entry("REAPI_PORT", "server.port"),
                    Map.entry("REAPI_MAX_BODY_BYTES", "server.max_body_bytes"),
                    Map.entry("REAPI_DATABASE_URL", "database.url"),
                    Map.entry("REAPI_DATABASE_USER", "database.user"),
                    Map.entry("REAPI_DATABASE_PASSWORD", "database.password"),
                    Map.entry("REAPI_REDIS_URL", "redis.url"),
                    Map.entry("REAPI_CACHE_REDIS_URL", "cache.redis_url"),
                    Map.entry("REAPI_PRICE_PER_RECORD", "ledger.price_per_record"),
                    Map.entry("REAPI_DATA_DIR", "jobs.data_dir"),
                    Map.entry("REAPI_VENDOR_RPS", "jobs.vendor_rps"),
                    Map.entry("REAPI_PUBLIC_BASE_URL", "jobs.public_base_url"),
                    Map.entry("REAPI_ALLOW_HTTP_CALLBACKS", "notify.allow_http"),
                    Map.entry("REAPI_ALLOW_PRIVATE_CALLBACKS", "notify.allow_private_callbacks"),
                    Map.entry(SyncConfigParser.SECRETS_ENV, "sync.webhook_secrets"),
                    Map.entry("REAPI_DEFAULT_PLAN", "default_plan"));

    private static final long WINDOW_15_MIN_S = 900;

    private ConfigLoader() {}

    static GatewayConfig load(Optional<Path> yaml, Map<String, String> env) {
        return parse(new Section("", root(yaml, env)));
    }

    /** Only what key administration needs; no upstream key is required for it. */
    static GatewayConfig.Administration loadAdministration(
            Optional<Path> yaml, Map<String, String> env) {
        Section root = new Section("", root(yaml, env));
        return new GatewayConfig.Administration(
                database(root.section("database")),
                plans(root.section("plans")),
                root.text("default_plan", "free"));
    }

    private static ObjectNode root(Optional<Path> yaml, Map<String, String> env) {
        ObjectNode root =
                yaml.map(ConfigLoader::readYaml).orElseGet(JsonNodeFactory.instance::objectNode);
        ENV_KEYS.forEach(
                (variable, key) -> {
                    String value = env.get(variable);
                    if (value != null && !value.isBlank()) {
                        override(root, key, value.strip());
                    }
                });
        return root;
    }

    private static ObjectNode readYaml(Path file) {
        try {
            JsonNode node = new YAMLMapper().readTree(Files.readAllBytes(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!(node instanceof ObjectNode object)) {
                throw new ConfigException(file + ": the top level must be a mapping of keys");
            }
            return object;
        } catch (IOException e) {
            throw new ConfigException(
                    "cannot read config file "
                            + file
                            + ": "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    private static void override(ObjectNode root, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.", -1);
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }

    private static GatewayConfig parse(Section root) {
        root.only(
                "upstream",
                "server",
                "database",
                "redis",
                "plans",
                "default_plan",
                "cache",
                "ledger",
                "jobs",
                "notify",
                "sync");
        var upstream = upstream(root.section("upstream"));
        var server = server(root.section("server"));
        var database = database(root.section("database"));
        Section redisSection = root.section("redis");
        redisSection.only("url");
        Optional<GatewayConfig.Redis> redis =
                redisSection
                        .optionalText("url")
                        .map(
                                url ->
                                        new GatewayConfig.Redis(
                                                redisSection.uri("url", url, "redis", "rediss")));
        Map<String, Plan> plans = plans(root.section("plans"));
        String defaultPlan = root.text("default_plan", "free");
        var readPath = readPath(root.section("cache"), root.section("ledger"), redis);
        var jobs = jobs(root.section("jobs"), root.section("notify"));
        var sync = SyncConfigParser.parse(root.section("sync"));
        return new GatewayConfig(
                upstream, server, database, redis, plans, defaultPlan, readPath, jobs, sync);
    }

    private static JobsConfig jobs(Section j, Section n) {
        j.only(
                "threads",
                "poll_interval_ms",
                "heartbeat_ms",
                "shutdown_wait_ms",
                "max_attempts",
                "max_inline_result_bytes",
                "data_dir",
                "vendor_rps",
                "upstream_share_percent",
                "public_base_url");
        n.only("max_attempts", "poll_interval_ms", "allow_http", "allow_private_callbacks");
        JobsConfig d = JobsConfig.defaults();
        String baseUrl = j.text("public_base_url", "");
        if (baseUrl.endsWith("/")) {
            throw new ConfigException(
                    j.path("public_base_url") + ": must not end with '/', was '" + baseUrl + "'");
        }
        return new JobsConfig(
                (int) j.integer("threads", d.threads(), 1, 256),
                millis(j, "poll_interval_ms", d.pollInterval(), 10),
                millis(j, "heartbeat_ms", d.heartbeat(), 100),
                millis(j, "shutdown_wait_ms", d.shutdownWait(), 0),
                (int) j.integer("max_attempts", d.maxAttempts(), 1, 100),
                (int)
                        j.integer(
                                "max_inline_result_bytes",
                                d.maxInlineResultBytes(),
                                1024,
                                64 << 20),
                Path.of(j.text("data_dir", d.dataDir().toString())),
                (int) j.integer("vendor_rps", d.vendorRps(), 1, 100_000),
                (int) j.integer("upstream_share_percent", d.upstreamSharePercent(), 1, 100),
                baseUrl,
                (int) n.integer("max_attempts", d.notifyMaxAttempts(), 1, 100),
                millis(n, "poll_interval_ms", d.notifyPollInterval(), 10),
                flag(n, "allow_http"),
                flag(n, "allow_private_callbacks"));
    }

    private static Duration millis(Section s, String key, Duration fallback, long min) {
        return Duration.ofMillis(s.integer(key, fallback.toMillis(), min, 3_600_000));
    }

    private static boolean flag(Section s, String key) {
        String text = s.text(key, "false");
        if (!text.equals("true") && !text.equals("false")) {
            throw new ConfigException(s.path(key) + ": must be true or false, was '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    private static ReadPathConfig readPath(
            Section cache, Section ledger, Optional<GatewayConfig.Redis> redis) {
        cache.only(
                "max_entries",
                "max_bytes",
                "redis_url",
                "key_prefix",
                "redis_timeout_ms",
                "probe_interval_ms",
                "retry_after_s",
                "negative_ttl_s",
                "details",
                "search",
                "valuation",
                "demographics",
                "schools",
                "batch");
        ReadPathConfig defaults = ReadPathConfig.defaults();
        CachePolicy policy =
                defaults.policy()
                        .withNegativeTtl(
                                Duration.ofSeconds(cache.integer("negative_ttl_s", 60, 0, 86_400)));
        for (DataType type : DataType.values()) {
            policy = policy.with(type, rule(cache.section(type.key()), policy.rule(type)));
        }
        Optional<URI> redisUrl =
                cache.optionalText("redis_url")
                        .map(url -> cache.uri("redis_url", url, "redis", "rediss"))
                        .or(() -> redis.map(GatewayConfig.Redis::url));
        TieredCacheSettings settings =
                new TieredCacheSettings(
                        cache.integer("max_entries", 100_000, 1, 1_000_000_000),
                        cache.integer("max_bytes", 0, 0, Long.MAX_VALUE),
                        redisUrl,
                        cache.text("key_prefix", "reapi:cache:"),
                        Duration.ofMillis(cache.integer("redis_timeout_ms", 250, 1, 60_000)),
                        Duration.ofMillis(
                                cache.integer("probe_interval_ms", 5_000, 10, 3_600_000)));
        Section batch = cache.section("batch");
        batch.only("enabled", "max_size", "max_wait_ms", "max_hold_ms", "max_in_flight");
        ledger.only("price_per_record", "currency", "flush_interval_ms");
        return new ReadPathConfig(
                policy,
                settings,
                Duration.ofSeconds(cache.integer("retry_after_s", 30, 1, 86_400)),
                flag(batch, "enabled", true),
                (int) batch.integer("max_size", 100, 1, 1_000),
                Duration.ofMillis(batch.integer("max_wait_ms", 10, 0, 10_000)),
                Duration.ofMillis(batch.integer("max_hold_ms", 40, 0, 10_000)),
                (int) batch.integer("max_in_flight", 1, 1, 1_000),
                price(ledger),
                Duration.ofMillis(ledger.integer("flush_interval_ms", 1_000, 10, 3_600_000)));
    }

    private static CachePolicy.Rule rule(Section s, CachePolicy.Rule fallback) {
        s.only("ttl_s", "grace_s", "retention_s");
        long max = Duration.ofDays(3650).toSeconds();
        try {
            return new CachePolicy.Rule(
                    Duration.ofSeconds(s.integer("ttl_s", fallback.ttl().toSeconds(), 1, max)),
                    Duration.ofSeconds(s.integer("grace_s", fallback.grace().toSeconds(), 0, max)),
                    Duration.ofSeconds(
                            s.integer("retention_s", fallback.retention().toSeconds(), 0, max)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.prefix() + ": " + e.getMessage(), e);
        }
    }

    static boolean flag(Section s, String key, boolean fallback) {
        String text = s.text(key, String.valueOf(fallback)).toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new ConfigException(
                            s.path(key) + ": expected true or false, was '" + text + "'");
        };
    }

    private static RecordPrice price(Section s) {
        String amount = s.text("price_per_record", "0.01");
        String code = s.text("currency", "USD");
        try {
            return new RecordPrice(new BigDecimal(amount), Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    s.path("price_per_record")
                            + ": expected a decimal amount >= 0 and an ISO 4217 currency, was '"
                            + amount
                            + " "
                            + code
                            + "'",
                    e);
        }
    }

    private static GatewayConfig.Upstream upstream(Section s) {
        s.only("provider", "api_key", "base_url", "timeout_ms");
        Provider provider = provider(s);
        String key =
                s.optionalText("api_key")
                        .orElseThrow(
                                () ->
                                        new ConfigException(
                                                "upstream.api_key: no upstream API key configured;"
                                                        + " set REALESTATEAPI_KEY"));
        URI baseUrl =
                s.uri(
                        "base_url",
                        s.text("base_url", RealEstateApiClient.DEFAULT_BASE_URL.toString()),
                        "http",
                        "https");
        Duration timeout = Duration.ofMillis(s.integer("timeout_ms", 10_000, 1, 600_000));
        return new GatewayConfig.Upstream(provider, key, baseUrl, timeout);
    }

    private static Provider provider(Section s) {
        String text = s.text("provider", "v1");
        return switch (text) {
            case "v1" -> Provider.V1;
            case "v2" -> Provider.V2;
            default ->
                    throw new ConfigException(
                            s.path("provider") + ": must be v1 or v2, was '" + text + "'");
        };
    }

    private static GatewayConfig.Server server(Section s) {
        s.only(
                "host",
                "port",
                "max_body_bytes",
                "max_json_depth",
                "idle_timeout_ms",
                "drain_timeout_ms");
        return new GatewayConfig.Server(
                s.text("host", "0.0.0.0"),
                (int) s.integer("port", 8080, 0, 65_535),
                s.integer("max_body_bytes", 64 * 1024, 1, 16L * 1024 * 1024),
                (int) s.integer("max_json_depth", 32, 2, 1_000),
                Duration.ofMillis(s.integer("idle_timeout_ms", 30_000, 100, 3_600_000)),
                Duration.ofMillis(s.integer("drain_timeout_ms", 10_000, 0, 600_000)));
    }

    private static GatewayConfig.Database database(Section s) {
        s.only("url", "user", "password");
        String url = s.text("url", "jdbc:sqlite:./data/reapi.db");
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException(
                    s.path("url")
                            + ": expected jdbc:sqlite:<file> or jdbc:postgresql://host/db, was '"
                            + url.replaceAll("password=[^&]*", "password=***")
                            + "'");
        }
        return new GatewayConfig.Database(url, s.text("user", ""), s.text("password", ""));
    }

    private static Map<String, Plan> plans(Section s) {
        Map<String, Plan> plans = new LinkedHashMap<>();
        plans.put("free", defaultPlan("free", 1));
        plans.put("pro", defaultPlan("pro", 10));
        for (String name : s.keys()) {
            plans.put(name, plan(name, s.section(name)));
        }
        return plans;
    }

    private static Plan defaultPlan(String name, int factor) {
        var limits = new EnumMap<EndpointClass, RateLimit>(EndpointClass.class);
        Duration window = Duration.ofSeconds(WINDOW_15_MIN_S);
        limits.put(EndpointClass.SEARCH, new RateLimit(100L * factor, window));
        limits.put(EndpointClass.DETAILS, new RateLimit(500L * factor, window));
        limits.put(EndpointClass.JOBS, new RateLimit(50L * factor, window));
        return new Plan(name, limits, OptionalLong.empty());
    }

    private static Plan plan(String name, Section s) {
        List<String> allowed = new java.util.ArrayList<>(List.of("daily_record_cap"));
        for (EndpointClass cls : EndpointClass.values()) {
            allowed.add(cls.key());
        }
        s.only(allowed.toArray(String[]::new));
        var limits = new EnumMap<EndpointClass, RateLimit>(EndpointClass.class);
        for (EndpointClass cls : EndpointClass.values()) {
            Section limit = s.section(cls.key());
            limit.only("requests", "window_s");
            if (!s.has(cls.key())) {
                throw new ConfigException(
                        limit.path("requests")
                                + ": missing; every plan needs a limit per endpoint class");
            }
            limits.put(
                    cls,
                    new RateLimit(
                            limit.integer("requests", 0, 1, 1_000_000_000),
                            Duration.ofSeconds(
                                    limit.integer("window_s", WINDOW_15_MIN_S, 1, 86_400 * 31))));
        }
        OptionalLong cap =
                s.has("daily_record_cap")
                        ? OptionalLong.of(s.integer("daily_record_cap", 0, 1, Long.MAX_VALUE))
                        : OptionalLong.empty();
        try {
            return new Plan(name, limits, cap);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.prefix + ": " + e.getMessage(), e);
        }
    }

    /** One mapping of the tree with its dotted path, for messages that name the key. */
    record Section(String prefix, ObjectNode node) {

        String path(String key) {
            return prefix.isEmpty() ? key : prefix + "." + key;
        }

        boolean has(String key) {
            return node.has(key) && !node.get(key).isNull();
        }

        Set<String> keys() {
            var keys = new java.util.LinkedHashSet<String>();
            node.fieldNames().forEachRemaining(keys::add);
            return keys;
        }

        void only(String... allowed) {
            Set<String> known = Set.of(allowed);
            for (String key : keys()) {
                if (!known.contains(key)) {
                    throw new ConfigException(
                            path(key) + ": unknown key; expected one of " + List.of(allowed));
                }
            }
        }

        Section section(String key) {
            JsonNode child = node.get(key);
            if (child == null || child.isNull()) {
                return new Section(path(key), JsonNodeFactory.instance.objectNode());
            }
            if (!(child instanceof ObjectNode object)) {
                throw new ConfigException(path(key) + ": expected a mapping, was '" + child + "'");
            }
            return new Section(path(key), object);
        }

        Optional<String> optionalText(String key) {
            if (!has(key)) {
                return Optional.empty();
            }
            JsonNode value = node.get(key);
            if (!value.isValueNode()) {
                throw new ConfigException(path(key) + ": expected a single value");
            }
            String text = value.asText().strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }

        String text(String key, String fallback) {
            return optionalText(key).orElse(fallback);
        }

        long integer(String key, long fallback, long min, long max) {
            Optional<String> text = optionalText(key);
            if (text.isEmpty()) {
                return fallback;
            }
            long value;
            try {
                value = Long.parseLong(text.get());
            } catch (NumberFormatException e) {
                throw new ConfigException(
                        path(key) + ": expected an integer, was '" + text.get() + "'", e);
            }
            if (value < min || value > max) {
                throw new ConfigException(
                        path(key) + ": must be in " + min + ".." + max + ", was " + value);
            }
            return value;
        }

        URI uri(String key, String text, String... schemes) {
            try {
                URI uri = new URI(text);
                if (uri.getScheme() == null
                        || !List.of(schemes).contains(uri.getScheme())
                        || uri.getHost() == null) {
                    throw new ConfigException(
                            path(key)
                                    + ": expected a "
                                    + String.join("/", schemes)
                                    + " URL with a host, was '"
                                    + redact(uri)
                                    + "'");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new ConfigException(path(key) + ": not a URL (" + e.getReason() + ")", e);
            }
        }

        private static String redact(URI uri) {
            return uri.getUserInfo() == null
                    ? uri.toString()
                    : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
        }
    }
}
