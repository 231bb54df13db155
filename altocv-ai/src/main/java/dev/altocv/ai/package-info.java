/**
 * AltoCV AI: LLM tool calling that proposes CV patches, streaming, routing and embeddings. See the module's
 * issue for what lands here.
 */
@NullMarked
package dev.altocv.ai;

import org.jspecify.annotations.NullMarked;
