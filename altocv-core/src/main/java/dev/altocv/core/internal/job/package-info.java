/** Job posting parsing. Internal. */
@NullMarked
package dev.altocv.core.internal.job;

import org.jspecify.annotations.NullMarked;
