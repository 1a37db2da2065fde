package dev.reapi.gateway.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs Redis (see {@link TestRedis} for where it looks). When
 * Redis is unreachable the test is skipped with a message saying how to provide it; when the
 * environment variable {@code CI} is {@code true} it fails instead. A test parameter of type {@link
 * TestRedis.RedisKeyspace} receives a key prefix of its own, whose keys are deleted after the test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("redis")
@ExtendWith(RedisExtension.class)
public @interface RequiresRedis {}
