/** Users, API keys, plans and their limits. */
@NullMarked
package dev.reapi.gateway.domain.user;

import org.jspecify.annotations.NullMarked;
