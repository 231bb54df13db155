/** AltoCV server: config. Internal to the application. */
@NullMarked
package dev.altocv.server.config;

import org.jspecify.annotations.NullMarked;
