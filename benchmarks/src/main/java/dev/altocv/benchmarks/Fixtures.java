package dev.altocv.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Benchmark inputs shipped in the module's resources. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * A resource under {@code bench/} as text.
   *
   * @param name the file name
   * @return its text
   */
  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/bench/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no benchmark resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
