/**
 * Watches as plain values: what a user watches (properties or a saved search) and the pure rule
 * deciding whether a property matches a saved search. No I/O happens here.
 */
@NullMarked
package dev.reapi.gateway.domain.watch;

import org.jspecify.annotations.NullMarked;
