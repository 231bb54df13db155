/** AltoCV server: cv. Internal to the application. */
@NullMarked
package dev.altocv.server.cv;

import org.jspecify.annotations.NullMarked;
