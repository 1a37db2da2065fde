/**
 * Keeping the replica in sync with the upstream: change detection and history, webhook ingestion
 * through an inbox, and batch sync over the updated feed.
 */
@NullMarked
package dev.reapi.gateway.application.sync;

import org.jspecify.annotations.NullMarked;
