/**
 * Delivers notifications: Standard Webhooks signed POSTs to callback URLs, and the in-process hub
 * that feeds server-sent event streams.
 */
@NullMarked
package dev.reapi.gateway.adapter.out.notify;

import org.jspecify.annotations.NullMarked;
