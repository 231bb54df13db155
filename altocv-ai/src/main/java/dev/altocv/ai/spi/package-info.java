/**
 * Expert: the provider port. {@link dev.altocv.ai.spi.ChatProvider} is the small interface every LLM adapter
 * implements (OpenAI, Anthropic and OpenAI-compatible servers ship with altocv-ai); implement it to plug in
 * another provider or a scripted model in tests. No SDK type appears here.
 */
@NullMarked
package dev.altocv.ai.spi;

import org.jspecify.annotations.NullMarked;
