/** Background jobs on a persistent, cluster-safe queue in PostgreSQL, with progress events. Internal to the application. */
@NullMarked
package dev.altocv.server.jobs;

import org.jspecify.annotations.NullMarked;
