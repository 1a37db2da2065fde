/** Plain domain types of the gateway: no I/O, no HTTP, no SQL. */
@NullMarked
package dev.reapi.gateway.domain;

import org.jspecify.annotations.NullMarked;
