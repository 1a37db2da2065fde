/** Ports the use cases need from the outside world; adapters implement them. */
@NullMarked
package dev.reapi.gateway.application.port.out;

import org.jspecify.annotations.NullMarked;
