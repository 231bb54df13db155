/**
 * Text embeddings for semantic matching: the {@link dev.altocv.core.embed.Embedder} port. altocv-core ships no
 * model; altocv-ai provides a local sentence model and provider-backed embedders. Without an embedder,
 * matching is lexical and says so.
 */
@NullMarked
package dev.altocv.core.embed;

import org.jspecify.annotations.NullMarked;
