/** The PostgreSQL database: a server by URL or the embedded one, and the Flyway migrations. Internal to the application. */
@NullMarked
package dev.altocv.server.db;

import org.jspecify.annotations.NullMarked;
