/** Health probes of the gateway's outbound dependencies, each bounded in time. */
@NullMarked
package dev.reapi.gateway.adapter.out.health;

import org.jspecify.annotations.NullMarked;
