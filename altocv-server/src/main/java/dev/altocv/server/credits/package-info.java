/** AltoCV server: credits. Internal to the application. */
@NullMarked
package dev.altocv.server.credits;

import org.jspecify.annotations.NullMarked;
