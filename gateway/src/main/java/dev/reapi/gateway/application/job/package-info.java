/**
 * The asynchronous job use cases: submit, read, list, cancel and rerun jobs, and run one attempt of
 * a job with its retry, result and completion-notification rules.
 */
@NullMarked
package dev.reapi.gateway.application.job;

import org.jspecify.annotations.NullMarked;
