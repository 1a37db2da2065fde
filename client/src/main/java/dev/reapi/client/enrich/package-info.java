/** Parallel enrichment of properties with valuation, demographics and schools. */
@NullMarked
package dev.reapi.client.enrich;

import org.jspecify.annotations.NullMarked;
