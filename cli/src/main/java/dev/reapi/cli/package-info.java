/** reapi cli. */
@NullMarked
package dev.reapi.cli;

import org.jspecify.annotations.NullMarked;
