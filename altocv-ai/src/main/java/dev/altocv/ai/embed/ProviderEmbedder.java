package dev.altocv.ai.embed;

import dev.altocv.ai.AiConfig;
import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;
import dev.altocv.ai.ProviderKind;
import dev.altocv.ai.internal.Dependencies;
import dev.altocv.ai.internal.Retrier;
import dev.altocv.ai.internal.openai.OpenAiEmbeddings;
import dev.altocv.ai.spi.Sleeper;
import dev.altocv.core.embed.Embedder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Embeddings from a provider's API: OpenAI ({@code text-embedding-3-small} by default) or an
 * OpenAI-compatible server (Ollama's {@code nomic-embed-text}, vLLM...). Anthropic has no embeddings API.
 * Calls are retried like chat calls; blank texts give a zero vector without a call. Thread-safe; close it to
 * release its HTTP client.
 */
public final class ProviderEmbedder implements Embedder, AutoCloseable {
  /** The default model on OpenAI. */
  public static final String DEFAULT_OPENAI_MODEL = "text-embedding-3-small";
  /** Texts per API call. */
  static final int BATCH = 96;

  private final OpenAiEmbeddings api;
  private final String model;
  private final Retrier retrier;
  private volatile int dimensions;

  private ProviderEmbedder(OpenAiEmbeddings api, String model, int dimensions, Retrier retrier) {
    this.api = api;
    this.model = model;
    this.dimensions = dimensions;
    this.retrier = retrier;
  }

  /**
   * An embedder for a provider.
   *
   * @param config the provider (openai or openai-compatible)
   * @param model the embedding model, or null for {@link #DEFAULT_OPENAI_MODEL} on OpenAI
   * @param dimensions the vector length to ask for, or null for the model's own (learnt from the first call
   *     unless the model is one of OpenAI's)
   * @return the embedder
   * @throws AiException of kind BAD_CONFIGURATION for Anthropic or a compatible server without a model, or
   *     MISSING_DEPENDENCY when openai-java is missing
   */
  public static ProviderEmbedder create(AiConfig config, @Nullable String model, @Nullable Integer dimensions) {
    Objects.requireNonNull(config, "config");
    if (config.provider() == ProviderKind.ANTHROPIC) {
      throw new AiException(AiErrorKind.BAD_CONFIGURATION, "Anthropic has no embeddings API: use the local model "
          + "(ALTOCV_AI_EMBEDDINGS=local) or an OpenAI-compatible server");
    }
    String m = model != null ? model : config.provider() == ProviderKind.OPENAI ? DEFAULT_OPENAI_MODEL : null;
    if (m == null) {
      throw new AiException(AiErrorKind.BAD_CONFIGURATION, "an openai-compatible server has no default embedding "
          + "model: set ALTOCV_AI_EMBEDDING_MODEL (for example nomic-embed-text for Ollama)");
    }
    if (dimensions != null && (dimensions < 1 || dimensions > 8192)) {
      throw new AiException(AiErrorKind.BAD_CONFIGURATION, "embedding dimensions must be from 1 to 8192, not "
          + dimensions);
    }
    Dependencies.OPENAI.require();
    int known = dimensions != null ? dimensions : known(m);
    return new ProviderEmbedder(new OpenAiEmbeddings(config, m, dimensions, Duration.ofSeconds(30)), m, known,
        new Retrier(config.maxRetries(), config.maxRetryWait(), Sleeper.SYSTEM));
  }

  private static int known(String model) {
    switch (model) {
      case "text-embedding-3-small":
      case "text-embedding-ada-002":
        return 1536;
      case "text-embedding-3-large":
        return 3072;
      default:
        return 0;
    }
  }

  @Override
  public String modelId() {
    return model;
  }

  /**
   * The vector length. For a model whose length is not known in advance, the first call of this method
   * embeds a short text to learn it.
   *
   * @return the length
   */
  @Override
  public int dimensions() {
    if (dimensions == 0) {
      dimensions = call(List.of("dimensions")).get(0).length;
    }
    return dimensions;
  }

  @Override
  public float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    List<String> batch = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      out.add(null);
      if (texts.get(i).isBlank()) {
        continue;
      }
      batch.add(texts.get(i));
      at.add(i);
      if (batch.size() == BATCH) {
        fill(out, batch, at);
      }
    }
    if (!batch.isEmpty()) {
      fill(out, batch, at);
    }
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) == null) {
        out.set(i, new float[dimensions()]);
      }
    }
    return out;
  }

  private void fill(List<float[]> out, List<String> batch, List<Integer> at) {
    List<float[]> vectors = call(batch);
    for (int i = 0; i < vectors.size(); i++) {
      float[] v = vectors.get(i);
      if (dimensions == 0) {
        dimensions = v.length;
      } else if (v.length != dimensions) {
        throw new AiException(AiErrorKind.INVALID_RESPONSE, "the embeddings API returned " + v.length
            + " dimensions instead of " + dimensions);
      }
      out.set(at.get(i), v);
    }
    batch.clear();
    at.clear();
  }

  private List<float[]> call(List<String> texts) {
    List<String> copy = List.copyOf(texts);
    return retrier.call(() -> api.embed(copy), () -> true);
  }

  @Override
  public void close() {
    api.close();
  }
}
