/**
 * The usage ledger's values: upstream calls and billed records attributed to users and endpoints,
 * requests answered without the upstream, daily totals and their price. No I/O.
 */
@NullMarked
package dev.reapi.gateway.domain.ledger;

import org.jspecify.annotations.NullMarked;
