package dev.altocv.core.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into a vector whose cosine similarity to another text's vector measures how close their
 * meanings are. Implementations are thread-safe and deterministic for a given model.
 */
public interface Embedder {

  /**
   * A stable name of the model, for caches and reports (for example {@code all-minilm-l6-v2}).
   *
   * @return the model id
   */
  String modelId();

  /**
   * The length of every vector this embedder returns.
   *
   * @return the number of dimensions, for example 384
   */
  int dimensions();

  /**
   * Embeds one text.
   *
   * @param text the text; long texts may be truncated by the model
   * @return a vector of {@link #dimensions()} floats, L2-normalised
   * @throws dev.altocv.core.AltoCvException when the model fails
   */
  float[] embed(String text);

  /**
   * Embeds several texts; implementations batch where the model allows it.
   *
   * @param texts the texts
   * @return one vector per text, in order
   */
  default List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(embed(t));
    }
    return out;
  }

  /**
   * Cosine similarity of two vectors of the same length.
   *
   * @param a one vector
   * @param b the other
   * @return the similarity, -1 to 1 (0 when either vector is all zeros)
   * @throws IllegalArgumentException when the lengths differ
   */
  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors differ in length: " + a.length + " and " + b.length);
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
