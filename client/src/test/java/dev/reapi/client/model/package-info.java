/** Tests of dev.reapi.client.model. */
@NullMarked
package dev.reapi.client.model;

import org.jspecify.annotations.NullMarked;
