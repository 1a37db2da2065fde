/** Tests of dev.reapi.client.internal.v2. */
@NullMarked
package dev.reapi.client.internal.v2;

import org.jspecify.annotations.NullMarked;
