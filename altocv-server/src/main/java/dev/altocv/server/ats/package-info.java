/** ATS analysis of a CV and its one-click fixes. */
@NullMarked
package dev.altocv.server.ats;

import org.jspecify.annotations.NullMarked;
