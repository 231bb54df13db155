package dev.altocv.ai.internal;

/** Vector helpers. */
public final class Vectors {
  private Vectors() {}

  /**
   * Scales a vector to length 1 (a zero vector stays zero).
   *
   * @param v the vector (changed in place)
   * @return the same array
   */
  public static float[] normalize(float[] v) {
    double sum = 0;
    for (float f : v) {
      sum += f * f;
    }
    if (sum == 0) {
      return v;
    }
    double norm = Math.sqrt(sum);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / norm);
    }
    return v;
  }
}
