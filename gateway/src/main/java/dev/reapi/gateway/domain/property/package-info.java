/** Property answers as the gateway serves them: where they came from and how old they are. */
@NullMarked
package dev.reapi.gateway.domain.property;

import org.jspecify.annotations.NullMarked;
