/**
 * How long cached answers stay usable, per kind of data, and how cache keys are made canonical so
 * that equivalent requests share one entry. Plain Java: no I/O.
 */
@NullMarked
package dev.reapi.gateway.domain.cache;

import org.jspecify.annotations.NullMarked;
