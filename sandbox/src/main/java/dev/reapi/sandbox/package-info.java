/**
 * The reapi sandbox: a local, deterministic stand-in for the upstream property-data API ({@code
 * docs/api/upstream-v1.yaml}), with faults, quotas, billing counters, a market simulation and
 * signed webhooks. Start one with {@link dev.reapi.sandbox.Sandbox#start}.
 */
@NullMarked
package dev.reapi.sandbox;

import org.jspecify.annotations.NullMarked;
