/**
 * Configuration records read from YAML and the environment, and the composition root that wires the
 * adapters into the use cases by hand.
 */
@NullMarked
package dev.reapi.gateway.config;

import org.jspecify.annotations.NullMarked;
