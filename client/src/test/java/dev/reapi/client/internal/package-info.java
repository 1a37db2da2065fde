/** Tests of dev.reapi.client.internal. */
@NullMarked
package dev.reapi.client.internal;

import org.jspecify.annotations.NullMarked;
