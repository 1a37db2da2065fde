/**
 * Persistence on SQLite or PostgreSQL: the connection pool, schema migrations and the JDBI-based
 * adapters of the outbound ports.
 */
@NullMarked
package dev.reapi.gateway.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
