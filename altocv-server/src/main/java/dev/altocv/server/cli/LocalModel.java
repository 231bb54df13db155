package dev.altocv.server.cli;

import dev.altocv.ai.AiException;
import dev.altocv.ai.embed.LocalEmbedder;
import dev.altocv.core.embed.Embedder;

/** The local embedding model for the commands that offer {@code --semantic}. */
final class LocalModel {
  private LocalModel() {}

  /**
   * Loads all-MiniLM-L6-v2 from the classpath (about 2 s).
   *
   * @return the embedder
   * @throws CliException with exit code 2 when the model is not on the classpath
   */
  static Embedder load() {
    try {
      return LocalEmbedder.create();
    } catch (AiException e) {
      throw new CliException(2, "--semantic needs the local embedding model: " + e.getMessage());
    }
  }
}
