/**
 * Time-driven entry points: recurring db-scheduler tasks that start use cases, sharing the {@code
 * scheduled_tasks} table with the job engine.
 */
@NullMarked
package dev.reapi.gateway.adapter.in.schedule;

import org.jspecify.annotations.NullMarked;
