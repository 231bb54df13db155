/** AltoCV server: ops. Internal to the application. */
@NullMarked
package dev.altocv.server.ops;

import org.jspecify.annotations.NullMarked;
