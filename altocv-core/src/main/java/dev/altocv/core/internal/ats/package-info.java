/** The ATS rules and their scoring. Internal: use {@link dev.altocv.core.ats.AtsAnalyzer}. */
@NullMarked
package dev.altocv.core.internal.ats;

import org.jspecify.annotations.NullMarked;
