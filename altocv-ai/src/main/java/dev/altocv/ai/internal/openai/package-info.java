/** Internal: the openai adapter. SDK types stay in here. */
@NullMarked
package dev.altocv.ai.internal.openai;

import org.jspecify.annotations.NullMarked;
