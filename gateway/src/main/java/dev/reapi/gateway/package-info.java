/** reapi gateway. */
@NullMarked
package dev.reapi.gateway;

import org.jspecify.annotations.NullMarked;
