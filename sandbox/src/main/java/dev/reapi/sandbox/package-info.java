/** reapi sandbox. */
@NullMarked
package dev.reapi.sandbox;

import org.jspecify.annotations.NullMarked;
