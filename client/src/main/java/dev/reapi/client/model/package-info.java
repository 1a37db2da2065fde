/**
 * The upstream API's requests and responses as immutable records.
 *
 * <p>Every type here is a pure value: no I/O, safe to share between threads, and serialised with
 * snake_case member names so that any Jackson {@code ObjectMapper} with the JSR-310 module reads
 * and writes the wire format ({@link dev.reapi.client.model.ModelJson#newMapper()} builds one).
 * Compact constructors reject invalid values with a message naming the field and the value.
 */
@NullMarked
package dev.reapi.client.model;

import org.jspecify.annotations.NullMarked;
