package dev.altocv.ai.embed;

import dev.altocv.ai.AiConfig;
import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;
import dev.altocv.core.embed.Embedder;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses an embedder from the environment: the local model unless {@code ALTOCV_AI_EMBEDDINGS=provider},
 * which uses the configured provider's embeddings API with {@code ALTOCV_AI_EMBEDDING_MODEL} and, optionally,
 * {@code ALTOCV_AI_EMBEDDING_DIMENSIONS}.
 */
public final class Embedders {
  private Embedders() {}

  /**
   * The embedder the process environment asks for.
   *
   * @return the embedder (a {@link LocalEmbedder} by default)
   */
  public static Embedder fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * The embedder the given variables ask for.
   *
   * @param env the variables
   * @return the embedder
   * @throws AiException when the variables are wrong, naming the one that is
   */
  public static Embedder fromEnv(Map<String, String> env) {
    String kind = env.getOrDefault("ALTOCV_AI_EMBEDDINGS", "local").trim().toLowerCase(Locale.ROOT);
    switch (kind) {
      case "":
      case "local":
        return LocalEmbedder.create();
      case "provider":
        Integer dims = null;
        String d = env.get("ALTOCV_AI_EMBEDDING_DIMENSIONS");
        if (d != null && !d.isBlank()) {
          try {
            dims = Integer.parseInt(d.trim());
          } catch (NumberFormatException e) {
            throw new AiException(AiErrorKind.BAD_CONFIGURATION,
                "ALTOCV_AI_EMBEDDING_DIMENSIONS must be a whole number, not '" + d + "'");
          }
        }
        String model = env.get("ALTOCV_AI_EMBEDDING_MODEL");
        return ProviderEmbedder.create(AiConfig.fromEnv(env), model == null || model.isBlank() ? null : model.trim(),
            dims);
      default:
        throw new AiException(AiErrorKind.BAD_CONFIGURATION,
            "ALTOCV_AI_EMBEDDINGS must be local or provider, not '" + kind + "'");
    }
  }
}
