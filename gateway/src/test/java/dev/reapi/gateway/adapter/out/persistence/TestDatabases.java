package dev.reapi.gateway.adapter.out.persistence;

import dev.reapi.gateway.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** Opens a migrated database of either dialect for one test and closes it afterwards. */
final class TestDatabases implements AutoCloseable {

    private final Deque<Runnable> opened = new ArrayDeque<>();

    /** A fresh SQLite file under {@code dir}, or a fresh PostgreSQL schema (skips if absent). */
    Database open(Database.Dialect dialect, Path dir) {
        String url;
        if (dialect == Database.Dialect.SQLITE) {
            url = "jdbc:sqlite:" + dir.resolve("data").resolve("reapi.db");
        } else {
            TestPostgres.PostgresSchema schema = TestPostgres.freshSchema();
            opened.push(schema::close);
            url = schema.jdbcUrl();
        }
        Database database = Database.open(url);
        opened.push(database::close);
        return database;
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            opened.pop().run();
        }
    }
}
