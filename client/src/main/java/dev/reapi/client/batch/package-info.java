/** Coalescing of concurrent single-property lookups into bulk calls. */
@NullMarked
package dev.reapi.client.batch;

import org.jspecify.annotations.NullMarked;
