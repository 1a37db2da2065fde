/**
 * Runs jobs on db-scheduler: durable executions in the gateway's database, shared by every gateway
 * instance that points at it.
 */
@NullMarked
package dev.reapi.gateway.adapter.out.jobs;

import org.jspecify.annotations.NullMarked;
