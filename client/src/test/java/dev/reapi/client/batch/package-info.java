/** Tests of dev.reapi.client.batch. */
@NullMarked
package dev.reapi.client.batch;

import org.jspecify.annotations.NullMarked;
