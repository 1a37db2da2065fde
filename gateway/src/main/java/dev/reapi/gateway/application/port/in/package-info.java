/** Ports the inbound adapters call: the use cases as interfaces. */
@NullMarked
package dev.reapi.gateway.application.port.in;

import org.jspecify.annotations.NullMarked;
