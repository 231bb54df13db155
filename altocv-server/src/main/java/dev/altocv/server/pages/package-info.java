/** The server-rendered pages (no script). Internal to the application. */
@NullMarked
package dev.altocv.server.pages;

import org.jspecify.annotations.NullMarked;
