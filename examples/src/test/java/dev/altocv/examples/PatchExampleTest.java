package dev.altocv.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PatchExampleTest {
  private static String bundled(String name) throws Exception {
    try (InputStream in = PatchExampleTest.class.getResourceAsStream("/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theExampleReadsPatchesValidatesAndDiffs() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PatchExample.run(bundled("resume.json"), bundled("edit.json"), new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("Read CV of Ada Lindqvist with 2 jobs")
        .contains("Valid: true")
        .contains("replace /work/[id=w2]/position = Senior Backend Engineer")
        .contains("add /skills/[id=s1]/keywords/4 = gRPC")
        .contains("Undo restores the original: true");
  }
}
