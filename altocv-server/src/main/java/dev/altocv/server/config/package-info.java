/** Configuration from the environment: every setting, its default and its validation. Internal to the application. */
@NullMarked
package dev.altocv.server.config;

import org.jspecify.annotations.NullMarked;
