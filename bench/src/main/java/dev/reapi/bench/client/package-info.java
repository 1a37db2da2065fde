/** Benchmarks of the client module against an in-process sandbox. */
@NullMarked
package dev.reapi.bench.client;

import org.jspecify.annotations.NullMarked;
