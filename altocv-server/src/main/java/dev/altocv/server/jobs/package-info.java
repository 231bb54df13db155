/** AltoCV server: jobs. Internal to the application. */
@NullMarked
package dev.altocv.server.jobs;

import org.jspecify.annotations.NullMarked;
