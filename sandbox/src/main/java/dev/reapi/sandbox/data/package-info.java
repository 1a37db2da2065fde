/**
 * Sandbox internals: the deterministic dataset (geography, property generator, market overlay,
 * search and feed); not API.
 */
@NullMarked
package dev.reapi.sandbox.data;

import org.jspecify.annotations.NullMarked;
