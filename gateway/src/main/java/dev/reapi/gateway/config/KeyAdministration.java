package dev.reapi.gateway.config;

import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiApiKeys;
import dev.reapi.gateway.application.port.out.ApiKeys;
import dev.reapi.gateway.domain.GatewayException;
import java.util.Optional;

/**
 * Users' API keys without the rest of the gateway: what the {@code keys} command needs. Opens (and
 * migrates) the configured database; close it to release the pool.
 */
public final class KeyAdministration implements AutoCloseable {

    private final Database database;
    private final ApiKeys apiKeys;
    private final String defaultPlan;

    private KeyAdministration(Database database, ApiKeys apiKeys, String defaultPlan) {
        this.database = database;
        this.apiKeys = apiKeys;
        this.defaultPlan = defaultPlan;
    }

    /**
     * Opens the database named by {@code config}.
     *
     * @throws StartupException when the database cannot be reached or migrated
     */
    public static KeyAdministration open(GatewayConfig.Administration config) {
        Database database = openDatabase(config.database());
        var apiKeys =
                new JdbiApiKeys(
                        database.jdbi(), name -> Optional.ofNullable(config.plans().get(name)));
        return new KeyAdministration(database, apiKeys, config.defaultPlan());
    }

    /** Opens and migrates the gateway's database, failing with one line when it cannot. */
    static Database openDatabase(GatewayConfig.Database config) {
        try {
            return Database.open(
                    config.url(),
                    config.user().isEmpty() ? null : config.user(),
                    config.password().isEmpty() ? null : config.password());
        } catch (GatewayException e) {
            throw new StartupException(
                    "database unavailable: "
                            + Optional.ofNullable(e.getMessage())
                                    .orElse(e.toString())
                                    .lines()
                                    .findFirst()
                                    .orElse(""),
                    e);
        }
    }

    /** The keys of the configured database. */
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /** The plan new users get when none is named. */
    public String defaultPlan() {
        return defaultPlan;
    }

    @Override
    public void close() {
        database.close();
    }
}
