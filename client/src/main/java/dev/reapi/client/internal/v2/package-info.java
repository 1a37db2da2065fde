/**
 * The v2 protocol of the upstream API: enveloped JSON answers, errors inside 200 answers, offset
 * paging and change files. Not API: types here may change in any release.
 */
@NullMarked
package dev.reapi.client.internal.v2;

import org.jspecify.annotations.NullMarked;
