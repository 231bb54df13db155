/**
 * AltoCV rendering: templates and design settings to preview HTML, PDF, DOCX and TXT; PDF and DOCX import.
 */
@NullMarked
package dev.altocv.render;

import org.jspecify.annotations.NullMarked;
