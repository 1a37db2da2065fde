/** Tests of dev.reapi.client.enrich. */
@NullMarked
package dev.reapi.client.enrich;

import org.jspecify.annotations.NullMarked;
