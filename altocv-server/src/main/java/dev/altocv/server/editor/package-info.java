/**
 * What the editor needs beside the CV API: the live preview page (saved or unsaved state), the template list
 * with thumbnails, the preview's fonts, server-side SVG charts and the design tables the editor repaints from.
 * Internal to the application.
 */
@NullMarked
package dev.altocv.server.editor;

import org.jspecify.annotations.NullMarked;
