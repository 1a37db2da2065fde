package dev.reapi.gateway.adapter.out.jobs;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Lends at most one connection of another data source at a time, in the order they were asked for;
 * closing the lent connection hands it to the next waiter.
 *
 * <p>The job engine uses it on SQLite, where every writer queues on the database's single write
 * lock anyway: waiting here hands the lock over as soon as the holder commits, whereas SQLite's
 * busy handler sleeps 1, 2, 5, 10... ms between retries, so that several job threads writing at
 * once mostly sleep. A caller must not ask for a second connection while it holds one.
 *
 * <p>Thread-safe.
 */
public final class SerialDataSource implements DataSource {

    private final DataSource delegate;
    private final Duration timeout;
    private final Semaphore turn = new Semaphore(1, true);

    /**
     * Lends connections of {@code delegate} one at a time.
     *
     * @param timeout how long {@link #getConnection()} waits for its turn before it fails
     */
    public SerialDataSource(DataSource delegate, Duration timeout) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Connection getConnection() throws SQLException {
        awaitTurn();
        try {
            return lent(delegate.getConnection());
        } catch (SQLException | RuntimeException e) {
            turn.release();
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException(
                "the job engine's connections use the pool's credentials");
    }

    private void awaitTurn() throws SQLException {
        try {
            if (!turn.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLException(
                        "no database connection for the job engine within "
                                + timeout.toMillis()
                                + " ms: another job thread held it all that time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted waiting for the job engine's connection", e);
        }
    }

    private Connection lent(Connection connection) {
        var released = new AtomicBoolean();
        return (Connection)
                Proxy.newProxyInstance(
                        Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            } finally {
                                if (method.getName().equals("close")
                                        && released.compareAndSet(false, true)) {
                                    turn.release();
                                }
                            }
                        });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return delegate.isWrapperFor(type);
    }
}
