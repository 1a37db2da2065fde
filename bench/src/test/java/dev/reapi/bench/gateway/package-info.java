/** Tests of the gateway benchmark drivers. */
@NullMarked
package dev.reapi.bench.gateway;

import org.jspecify.annotations.NullMarked;
