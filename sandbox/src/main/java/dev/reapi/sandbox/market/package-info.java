/** Sandbox internals: market simulation and signed webhook delivery; not API. */
@NullMarked
package dev.reapi.sandbox.market;

import org.jspecify.annotations.NullMarked;
