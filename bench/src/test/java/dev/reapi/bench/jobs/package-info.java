/** Tests of dev.reapi.bench.jobs. */
@NullMarked
package dev.reapi.bench.jobs;

import org.jspecify.annotations.NullMarked;
