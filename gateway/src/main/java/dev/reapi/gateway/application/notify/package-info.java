/**
 * Notification use cases: users' callback settings, reading the outbox, and relaying outbox events
 * to callback URLs with retries.
 */
@NullMarked
package dev.reapi.gateway.application.notify;

import org.jspecify.annotations.NullMarked;
