/** Benchmarks of the gateway's replica sync. */
@NullMarked
package dev.reapi.bench.sync;

import org.jspecify.annotations.NullMarked;
