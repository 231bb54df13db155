package dev.altocv.core.match;

import dev.altocv.core.embed.Embedder;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic test embedder: character trigrams hashed into 64 dimensions. It only tests the plumbing (an
 * embedder is called, vectors reach the scores and the index); it says nothing about semantic quality.
 */
final class HashingEmbedder implements Embedder {
  final AtomicInteger calls = new AtomicInteger();

  @Override
  public String modelId() {
    return "test-trigram-hash-64";
  }

  @Override
  public int dimensions() {
    return 64;
  }

  @Override
  public float[] embed(String text) {
    calls.incrementAndGet();
    float[] v = new float[64];
    String t = " " + text.toLowerCase(Locale.ROOT) + " ";
    for (int i = 0; i + 3 <= t.length(); i++) {
      v[Math.floorMod(t.substring(i, i + 3).hashCode(), 64)] += 1;
    }
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    if (n > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= (float) Math.sqrt(n);
      }
    }
    return v;
  }
}
