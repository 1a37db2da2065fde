/**
 * Asynchronous jobs as plain values: their types, states, retry policy, progress, results and
 * errors. No I/O happens here.
 */
@NullMarked
package dev.reapi.gateway.domain.job;

import org.jspecify.annotations.NullMarked;
