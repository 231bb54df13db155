/** CVs and their history: the CV API, patches with If-Match, undo/redo, coalesced versions, checkpoints, trash. Internal to the application. */
@NullMarked
package dev.altocv.server.cv;

import org.jspecify.annotations.NullMarked;
