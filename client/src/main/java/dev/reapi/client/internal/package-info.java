/**
 * Transport, error mapping and resilience behind the client facade. Not API: types here may change
 * in any release.
 */
@NullMarked
package dev.reapi.client.internal;

import org.jspecify.annotations.NullMarked;
