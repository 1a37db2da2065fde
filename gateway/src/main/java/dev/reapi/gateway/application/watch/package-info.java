/**
 * Watch use cases: creating, listing and deleting a user's watches, and deciding, inside the
 * transaction that records a property change, which watchers to notify.
 */
@NullMarked
package dev.reapi.gateway.application.watch;

import org.jspecify.annotations.NullMarked;
