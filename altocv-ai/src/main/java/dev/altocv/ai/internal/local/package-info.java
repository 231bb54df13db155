/** Internal: the local adapter. SDK types stay in here. */
@NullMarked
package dev.altocv.ai.internal.local;

import org.jspecify.annotations.NullMarked;
