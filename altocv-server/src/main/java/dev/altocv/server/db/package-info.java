/** AltoCV server: db. Internal to the application. */
@NullMarked
package dev.altocv.server.db;

import org.jspecify.annotations.NullMarked;
