/** Test helpers: a hand-driven clock and delayer, and a log capture. */
@NullMarked
package dev.reapi.client.testing;

import org.jspecify.annotations.NullMarked;
