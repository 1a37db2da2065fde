/** Tests of dev.reapi.bench. */
@NullMarked
package dev.reapi.bench;

import org.jspecify.annotations.NullMarked;
