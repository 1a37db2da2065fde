/** The upstream property-data API, reached only through reapi's client SDK. */
@NullMarked
package dev.reapi.gateway.adapter.out.upstream;

import org.jspecify.annotations.NullMarked;
