/**
 * ATS analysis: {@link dev.altocv.core.ats.AtsAnalyzer} checks a CV against rules an applicant-tracking
 * system and a recruiter apply (contact details, structure, content, length, parseability), scores it 0-100
 * as a weighted sum, and offers fixes as patches. Deterministic and offline.
 */
@NullMarked
package dev.altocv.core.ats;

import org.jspecify.annotations.NullMarked;
