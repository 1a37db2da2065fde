/**
 * The gateway's HTTP edge: Javalin routes, authentication, rate-limit headers, validation, problem
 * details, request ids, the access log, OpenAPI, health and metrics.
 */
@NullMarked
package dev.reapi.gateway.adapter.in.http;

import org.jspecify.annotations.NullMarked;
