/** Benchmark of the gateway's durable job engine beside Bull on Redis. */
@NullMarked
package dev.reapi.bench.jobs;

import org.jspecify.annotations.NullMarked;
