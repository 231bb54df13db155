/** Matching and ranking internals: CV profiles, scoring, the Lucene index. Internal. */
@NullMarked
package dev.altocv.core.internal.match;

import org.jspecify.annotations.NullMarked;
