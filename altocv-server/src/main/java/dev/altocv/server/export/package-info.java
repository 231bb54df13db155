/** Exports of a CV to a file, as background jobs, downloaded through signed links that expire. */
@NullMarked
package dev.altocv.server.export;

import org.jspecify.annotations.NullMarked;
