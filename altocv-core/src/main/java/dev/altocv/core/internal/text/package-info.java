/**
 * Text analysis for ATS analysis and matching: tokens, the skill and title lexicon, language detection and
 * HTML reduction. Internal: do not depend on it.
 */
@NullMarked
package dev.altocv.core.internal.text;

import org.jspecify.annotations.NullMarked;
