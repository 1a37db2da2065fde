/**
 * Notifications to users as plain values: outbox events of any type, their delivery state, and the
 * rules a callback URL must satisfy. No I/O happens here.
 */
@NullMarked
package dev.reapi.gateway.domain.notify;

import org.jspecify.annotations.NullMarked;
