package dev.reapi.gateway.adapter.out.persistence;

import java.util.Collection;
import org.jdbi.v3.core.argument.Argument;

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
}
