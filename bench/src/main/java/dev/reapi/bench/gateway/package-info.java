/**
 * Load drivers for the gateway cache benchmarks ({@code bench/gateway/run.sh}): a seeded Zipf
 * sampler and a small HTTP driver that counts answers by status and by {@code meta.source}.
 */
@NullMarked
package dev.reapi.bench.gateway;

import org.jspecify.annotations.NullMarked;
