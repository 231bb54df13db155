/** The AltoCV application: the {@code altocv} command line and, later, the server. Not a library. */
@NullMarked
package dev.altocv.server;

import org.jspecify.annotations.NullMarked;
