/**
 * The replica's sync vocabulary: which property fields are tracked, how two versions of a property
 * differ, and the recorded changes. Plain Java: no I/O.
 */
@NullMarked
package dev.reapi.gateway.domain.sync;

import org.jspecify.annotations.NullMarked;
