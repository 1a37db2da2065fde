/**
 * The read path's cache engine: fresh hits, request coalescing, stale-while-revalidate, and the
 * fallback chain (stale cache, then replica) when the upstream fails; every answer is accounted in
 * the usage ledger.
 */
@NullMarked
package dev.reapi.gateway.application.cache;

import org.jspecify.annotations.NullMarked;
