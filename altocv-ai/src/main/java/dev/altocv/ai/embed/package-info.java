/**
 * Embedders for {@link dev.altocv.core.embed.Embedder}: {@link dev.altocv.ai.embed.LocalEmbedder}, a sentence
 * model (all-MiniLM-L6-v2) that runs in process from the classpath with no download, and
 * {@link dev.altocv.ai.embed.ProviderEmbedder}, the embeddings API of OpenAI or an OpenAI-compatible server.
 */
@NullMarked
package dev.altocv.ai.embed;

import org.jspecify.annotations.NullMarked;
