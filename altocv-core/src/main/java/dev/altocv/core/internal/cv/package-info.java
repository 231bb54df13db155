/** A CV seen as text fields with pointers and dates, for ATS analysis and matching. Internal. */
@NullMarked
package dev.altocv.core.internal.cv;

import org.jspecify.annotations.NullMarked;
