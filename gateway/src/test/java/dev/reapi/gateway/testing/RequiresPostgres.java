package dev.reapi.gateway.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs PostgreSQL (see {@link TestPostgres} for where it looks).
 * When PostgreSQL is unreachable the test is skipped with a message saying how to provide it; when
 * the environment variable {@code CI} is {@code true} it fails instead. A test parameter of type
 * {@link TestPostgres.PostgresSchema} receives a fresh schema, dropped after the test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("postgres")
@ExtendWith(PostgresExtension.class)
public @interface RequiresPostgres {}
