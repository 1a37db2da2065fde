/**
 * The Java SDK for the upstream property-data API: {@link dev.reapi.client.RealEstateApiClient} and
 * its exception family rooted at {@link dev.reapi.client.RealEstateApiException}.
 */
@NullMarked
package dev.reapi.client;

import org.jspecify.annotations.NullMarked;
