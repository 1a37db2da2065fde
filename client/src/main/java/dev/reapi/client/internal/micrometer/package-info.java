/** Micrometer bindings, loaded only when a {@code MeterRegistry} is configured. Not API. */
@NullMarked
package dev.reapi.client.internal.micrometer;

import org.jspecify.annotations.NullMarked;
