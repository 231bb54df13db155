/** Internal: the anthropic adapter. SDK types stay in here. */
@NullMarked
package dev.altocv.ai.internal.anthropic;

import org.jspecify.annotations.NullMarked;
