/** The AltoCV application: the {@code altocv} command line and the server ({@link dev.altocv.server.App}, {@link dev.altocv.server.Services}). Not a library. */
@NullMarked
package dev.altocv.server;

import org.jspecify.annotations.NullMarked;
