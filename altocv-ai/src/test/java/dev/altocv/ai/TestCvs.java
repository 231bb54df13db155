package dev.altocv.ai;

import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test inputs. */
public final class TestCvs {
  private TestCvs() {}

  /** The sample CV: Ada Lindqvist, jobs w1 (Klarna) and w2 (Spotify), skills s1 and s2, project pr1. */
  public static Cv ada() {
    return AltoCv.read(text("cv.json"));
  }

  /** A resource under {@code ai/} as text. */
  public static String text(String name) {
    try (InputStream in = TestCvs.class.getResourceAsStream("/ai/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
