package dev.altocv.ai.internal.local;

import dev.altocv.ai.AiErrorKind;
import dev.altocv.ai.AiException;
import dev.altocv.ai.internal.Vectors;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/** all-MiniLM-L6-v2 through langchain4j's in-process ONNX model; langchain4j types stay in here. */
public final class MiniLm {
  private final AllMiniLmL6V2EmbeddingModel model;

  /** Loads the model from the classpath, embedding on the calling thread (no thread pool of its own). */
  public MiniLm() {
    try {
      this.model = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
    } catch (RuntimeException | LinkageError e) {
      throw new AiException(AiErrorKind.MISSING_DEPENDENCY, "the local embedding model could not be loaded: " + e,
          0, null, e);
    }
  }

  /**
   * Embeds a text.
   *
   * @param text the text (empty text gives a zero vector)
   * @return the normalised vector
   */
  public float[] embed(String text) {
    if (text.isBlank()) {
      return new float[384];
    }
    try {
      return Vectors.normalize(model.embed(text).content().vector());
    } catch (RuntimeException e) {
      throw new AiException(AiErrorKind.INVALID_RESPONSE, "the local embedding model failed: " + e.getMessage(), 0,
          null, e);
    }
  }

  /**
   * Embeds texts.
   *
   * @param texts the texts
   * @return one normalised vector per text
   */
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    List<TextSegment> segments = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      out.add(new float[384]);
      if (!texts.get(i).isBlank()) {
        segments.add(TextSegment.from(texts.get(i)));
        at.add(i);
      }
    }
    if (segments.isEmpty()) {
      return out;
    }
    try {
      var embeddings = model.embedAll(segments).content();
      for (int i = 0; i < embeddings.size(); i++) {
        out.set(at.get(i), Vectors.normalize(embeddings.get(i).vector()));
      }
      return out;
    } catch (RuntimeException e) {
      throw new AiException(AiErrorKind.INVALID_RESPONSE, "the local embedding model failed: " + e.getMessage(), 0,
          null, e);
    }
  }
}
