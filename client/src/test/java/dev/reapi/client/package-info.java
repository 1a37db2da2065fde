/** Tests of dev.reapi.client. */
@NullMarked
package dev.reapi.client;

import org.jspecify.annotations.NullMarked;
