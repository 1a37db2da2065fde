/**
 * Per-user request budgets with Bucket4j: in-process buckets, buckets shared through Redis, and a
 * limiter that falls back from the shared to the in-process buckets while Redis is unreachable.
 */
@NullMarked
package dev.reapi.gateway.adapter.out.ratelimit;

import org.jspecify.annotations.NullMarked;
