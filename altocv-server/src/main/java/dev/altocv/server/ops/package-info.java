/** Operations: health, Prometheus metrics and server logging. Internal to the application. */
@NullMarked
package dev.altocv.server.ops;

import org.jspecify.annotations.NullMarked;
