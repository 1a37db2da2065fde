/**
 * Test support shared by the gateway's tests: access to a real PostgreSQL and Redis, skipped with
 * instructions when they are absent and failing instead when {@code CI=true}.
 */
@NullMarked
package dev.reapi.gateway.testing;

import org.jspecify.annotations.NullMarked;
