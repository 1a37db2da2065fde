/** The usage report: what each user's requests cost upstream, and what the cache saved. */
@NullMarked
package dev.reapi.gateway.application.ledger;

import org.jspecify.annotations.NullMarked;
