/** Use cases of the gateway; they depend on the domain and on ports only. */
@NullMarked
package dev.reapi.gateway.application;

import org.jspecify.annotations.NullMarked;
