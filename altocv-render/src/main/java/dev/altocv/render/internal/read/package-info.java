/**
 * Internal: reading CVs from PDF and DOCX. Text with positions becomes lines ({@link
 * dev.altocv.render.internal.read.Line}), lines become sections, sections become fields. Not part of the API.
 */
@NullMarked
package dev.altocv.render.internal.read;

import org.jspecify.annotations.NullMarked;
