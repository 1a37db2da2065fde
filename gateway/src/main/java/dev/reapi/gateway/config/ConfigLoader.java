package dev.reapi.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.reapi.gateway.domain.user.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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

    private ConfigLoader() {}

    static GatewayConfig load(Optional<Path> yaml, Map<String, String> env) {
        return parse(new Section("", root(yaml, env)));
    }

    /** Only what key administration needs; no upstream key is required for it. */
    static GatewayConfig.Administration loadAdministration(
            Optional<Path> yaml, Map<String, String> env) {
        Section root = new Section("", root(yaml, env));
        return new GatewayConfig.Administration(
                ServiceConfigParser.database(root.section("database")),
                PlansParser.parse(root.section("plans")),
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
        var upstream = ServiceConfigParser.upstream(root.section("upstream"));
        var server = ServiceConfigParser.server(root.section("server"));
        var database = ServiceConfigParser.database(root.section("database"));
        Optional<GatewayConfig.Redis> redis = ServiceConfigParser.redis(root.section("redis"));
        Map<String, Plan> plans = PlansParser.parse(root.section("plans"));
        String defaultPlan = root.text("default_plan", "free");
        var readPath =
                ReadPathConfigParser.parse(root.section("cache"), root.section("ledger"), redis);
        var jobs = JobsConfigParser.parse(root.section("jobs"), root.section("notify"));
        var sync = SyncConfigParser.parse(root.section("sync"));
        return new GatewayConfig(
                upstream, server, database, redis, plans, defaultPlan, readPath, jobs, sync);
    }
}
