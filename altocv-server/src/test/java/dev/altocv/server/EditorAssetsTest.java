package dev.altocv.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The editor's JavaScript stays small (at most 50 KB gzipped, all modules the page loads) and self-contained. */
class EditorAssetsTest {
  /** The editor page's modules, found by following imports from its entry point, plus the preview's bridge. */
  static List<String> editorScripts() throws IOException {
    java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of("js/editor/main.js"));
    Pattern imp = Pattern.compile("from '([^']+)'");
    while (!todo.isEmpty()) {
      String f = todo.pop();
      if (!seen.add(f)) {
        continue;
      }
      Matcher m = imp.matcher(read(f));
      while (m.find()) {
        todo.add(java.nio.file.Path.of(f).resolveSibling(m.group(1)).normalize().toString());
      }
    }
    seen.add("js/preview-bridge.js");
    return List.copyOf(seen);
  }

  static String read(String name) throws IOException {
    try (InputStream in = EditorAssetsTest.class.getResourceAsStream("/static/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static int gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.size();
  }

  @Test
  void theEditorsJavaScriptIsAtMost50KilobytesGzipped() throws IOException {
    List<String> files = editorScripts();
    assertThat(files).contains("js/editor/store.js", "js/editor/forms.js", "js/api.js", "js/preview-bridge.js");
    int total = 0;
    for (String f : files) {
      total += gzip(read(f).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(total).as("gzipped bytes of " + files).isLessThanOrEqualTo(50 * 1024);
  }

  @Test
  void scriptsLoadNothingFromOtherSitesAndEvaluateNoStrings() throws IOException {
    for (String f : editorScripts()) {
      String js = read(f);
      assertThat(js).as(f).doesNotContain("eval(").doesNotContain("new Function").doesNotContain("http://")
          .doesNotContain("https://");
      if (!f.endsWith("preview-bridge.js")) {
        // the editor builds its DOM from text; only the sandboxed preview swaps in the server's rendered markup
        assertThat(js).as(f).doesNotContain("innerHTML");
      }
    }
  }
}
