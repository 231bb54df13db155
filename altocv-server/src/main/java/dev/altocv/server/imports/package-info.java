/** Importing a CV from a PDF or DOCX file in a background job. */
@NullMarked
package dev.altocv.server.imports;

import org.jspecify.annotations.NullMarked;
