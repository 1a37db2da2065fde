package dev.reapi.gateway.config;

import dev.reapi.client.Provider;
import dev.reapi.gateway.domain.user.Plan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gateway needs to start, read once by {@link #load} and immutable afterwards.
 *
 * <p>The embedded defaults need no external service: a SQLite file {@code ./data/reapi.db} and
 * in-process rate limits. PostgreSQL and Redis are used only when their URLs are given. Every key
 * is documented in {@code docs/operations.md}, section "Configuration".
 *
 * @param upstream the paid API behind the gateway
 * @param server the HTTP listener and its request limits
 * @param database where users, keys and later replicas live
 * @param redis shared rate-limit state; empty for in-process limits
 * @param plans the plans users can be on, by name
 * @param defaultPlan the plan new users get when none is named
 * @param readPath caching, batching, fallback and usage accounting of reads
 * @param jobs asynchronous jobs and notifications
 * @param sync webhooks, batch sync and incremental refreshes of the replica
 */
public record GatewayConfig(
        Upstream upstream,
        Server server,
        Database database,
        Optional<Redis> redis,
        Map<String, Plan> plans,
        String defaultPlan,
        ReadPathConfig readPath,
        JobsConfig jobs,
        SyncConfig sync) {

    public GatewayConfig {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(readPath, "readPath");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(sync, "sync");
        plans = Map.copyOf(plans);
        if (!plans.containsKey(defaultPlan)) {
            throw new ConfigException(
                    "default_plan: no plan named '" + defaultPlan + "' in plans " + plans.keySet());
        }
    }

    /**
     * Reads the YAML file when given, then applies the environment overrides.
     *
     * @param yaml a YAML file, or empty for the embedded defaults
     * @param env the process environment (or a test's map)
     * @throws ConfigException naming the first invalid key, or when no upstream key is configured
     */
    public static GatewayConfig load(Optional<Path> yaml, Map<String, String> env) {
        return ConfigLoader.load(yaml, env);
    }

    /**
     * Reads only the parts key administration needs (database and plans), so that the {@code keys}
     * command works without an upstream key.
     *
     * @throws ConfigException naming the first invalid key
     */
    public static Administration loadAdministration(Optional<Path> yaml, Map<String, String> env) {
        return ConfigLoader.loadAdministration(yaml, env);
    }

    /**
     * The configuration of key administration.
     *
     * @param database where users and keys live
     * @param plans the plans users can be on, by name
     * @param defaultPlan the plan new users get when none is named
     */
    public record Administration(Database database, Map<String, Plan> plans, String defaultPlan) {

        public Administration {
            Objects.requireNonNull(database, "database");
            plans = Map.copyOf(plans);
            if (!plans.containsKey(defaultPlan)) {
                throw new ConfigException(
                        "default_plan: no plan named '"
                                + defaultPlan
                                + "' in plans "
                                + plans.keySet());
            }
        }
    }

    /**
     * The upstream API.
     *
     * @param provider which generation of the vendor's API to speak (default v1)
     * @param apiKey the vendor key; never logged, never sent to the gateway's callers
     * @param baseUrl where the upstream listens
     * @param timeout per-request timeout of upstream calls (default 10 s)
     */
    public record Upstream(Provider provider, String apiKey, URI baseUrl, Duration timeout) {

        public Upstream {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String toString() {
            return "Upstream[provider="
                    + provider
                    + ", apiKey=***, baseUrl="
                    + baseUrl
                    + ", timeout="
                    + timeout
                    + "]";
        }
    }

    /**
     * The HTTP listener.
     *
     * @param host the address to bind (default {@code 0.0.0.0})
     * @param port the port (default 8080; 0 picks a free one)
     * @param maxBodyBytes largest accepted request body (default 64 KiB); larger ones get 413
     * @param maxJsonDepth deepest accepted JSON nesting (default 32); deeper bodies get 400
     * @param idleTimeout how long a silent connection is kept (default 30 s)
     * @param drainTimeout how long {@code close()} waits for in-flight requests (default 10 s)
     */
    public record Server(
            String host,
            int port,
            long maxBodyBytes,
            int maxJsonDepth,
            Duration idleTimeout,
            Duration drainTimeout) {

        public Server {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(drainTimeout, "drainTimeout");
        }
    }

    /**
     * The database.
     *
     * @param url a JDBC URL, {@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}
     * @param user the user, empty for SQLite
     * @param password the password, empty when none; never logged
     */
    public record Database(String url, String user, String password) {

        public Database {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        /** Whether this is the embedded SQLite database. */
        public boolean embedded() {
            return url.startsWith("jdbc:sqlite:");
        }

        @Override
        public String toString() {
            return "Database[url="
                    + url
                    + ", user="
                    + user
                    + ", password="
                    + (password.isEmpty() ? "" : "***")
                    + "]";
        }
    }

    /**
     * Redis for shared rate limits.
     *
     * @param url a {@code redis://} URL, possibly with a password; never logged whole
     */
    public record Redis(URI url) {

        public Redis {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String toString() {
            return "Redis[url=" + redacted() + "]";
        }

        /** The URL without its user information, safe to log. */
        public String redacted() {
            return url.getScheme() + "://" + url.getHost() + ":" + url.getPort() + url.getPath();
        }
    }
}
