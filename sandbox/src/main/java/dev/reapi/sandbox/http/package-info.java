/**
 * Sandbox internals: Javalin routes, JSON writing, validation, problems, faults and billing
 * counters; not API.
 */
@NullMarked
package dev.reapi.sandbox.http;

import org.jspecify.annotations.NullMarked;
