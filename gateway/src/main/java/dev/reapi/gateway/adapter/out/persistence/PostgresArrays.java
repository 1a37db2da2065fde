package dev.reapi.gateway.adapter.out.persistence;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Binds a list as one PostgreSQL {@code varchar[]} parameter. The driver sends a {@code String[]}
 * in the binary array format, each element as its bytes with a length, whereas an array bound
 * through {@code Connection.createArrayOf} is sent as one array literal that escapes every quote in
 * every element: for a page of JSON payloads that escaping costs more CPU than the insert. Use
 * {@code CAST(:name AS TEXT[])} (or another element type) in the statement. Stateless.
 */
final class PostgresArrays {

    private PostgresArrays() {}

    /** {@code values} as one array parameter; no element may be null. */
    static Argument of(Collection<String> values) {
        String[] array = values.toArray(String[]::new);
        return (position, statement, ctx) -> statement.setObject(position, array);
    }

    /**
     * Binds {@code ids} as {@code :ids}: one array parameter on PostgreSQL (the statement reads
     * {@code ANY(CAST(:ids AS TEXT[]))}), a list on SQLite (the statement reads {@code IN
     * (<ids>)}).
     */
    static <S extends SqlStatement<S>> S bindIds(
            S statement, boolean postgres, Collection<String> ids) {
        return postgres
                ? statement.bind("ids", of(ids))
                : statement.bindList("ids", List.copyOf(ids));
    }
}
