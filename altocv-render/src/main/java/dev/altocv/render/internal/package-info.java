/**
 * Internal machinery of altocv-render: the view model, the HTML/DOCX/TXT writers, the PDF pipeline, fonts and
 * the importer. Not part of the API: do not depend on it; it changes without notice.
 */
@NullMarked
package dev.altocv.render.internal;

import org.jspecify.annotations.NullMarked;
