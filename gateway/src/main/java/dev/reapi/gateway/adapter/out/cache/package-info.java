/**
 * The response cache: an in-process Caffeine tier always, and a Redis tier shared by all gateway
 * instances when one is configured. A failing Redis degrades the cache to its in-process tier until
 * Redis answers again.
 */
@NullMarked
package dev.reapi.gateway.adapter.out.cache;

import org.jspecify.annotations.NullMarked;
