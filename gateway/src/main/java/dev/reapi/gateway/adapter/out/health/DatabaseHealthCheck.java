package dev.reapi.gateway.adapter.out.health;

import dev.reapi.gateway.application.port.out.HealthCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Whether the database answers {@code SELECT 1} within a timeout (default {@link
 * #DEFAULT_TIMEOUT}). Named {@code database} and required: the gateway is not ready without it.
 * Thread-safe; each check borrows one pooled connection.
 */
public final class DatabaseHealthCheck implements HealthCheck {

    /** How long a check waits by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final Duration timeout;

    /** A check with {@link #DEFAULT_TIMEOUT}. */
    public DatabaseHealthCheck(DataSource dataSource) {
        this(dataSource, DEFAULT_TIMEOUT);
    }

    /** A check that gives up after {@code timeout}, which must be positive. */
    public DatabaseHealthCheck(DataSource dataSource, Duration timeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public Result check() {
        return Probes.run(this::selectOne, timeout);
    }

    private Object selectOne() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            // The driver's own bound, in whole seconds, so that the server stops working too.
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new IllegalStateException("SELECT 1 did not return 1");
                }
                return true;
            }
        }
    }
}
