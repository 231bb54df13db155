package dev.altocv.core.ats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Fixtures and helpers of the ATS and matching tests. */
public final class TestCvs {
  private TestCvs() {}

  /** Now, for every test: mid-November 2026. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T12:00:00Z"), ZoneOffset.UTC);

  private static final ObjectMapper M = new ObjectMapper();

  public static String text(String resource) {
    try (InputStream in = TestCvs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Cv clean() {
    return AltoCv.read(text("/ats/clean.json"));
  }

  /**
   * Resolves an AltoCV pointer ({@code /work/[id=w2]/highlights/0}) in a CV's JSON.
   *
   * @return the node, or null when the pointer does not lead anywhere
   */
  public static @Nullable JsonNode resolve(Cv cv, String pointer) {
    try {
      JsonNode node = M.readTree(AltoCv.write(cv));
      if (pointer.isEmpty()) {
        return node;
      }
      for (String raw : pointer.substring(1).split("/", -1)) {
        String seg = raw.replace("~1", "/").replace("~0", "~");
        if (node == null) {
          return null;
        }
        if (seg.startsWith("[id=") && seg.endsWith("]")) {
          String id = seg.substring(4, seg.length() - 1);
          JsonNode found = null;
          for (JsonNode item : node) {
            if (id.equals(item.path("id").asText(null))) {
              found = item;
            }
          }
          node = found;
        } else if (node.isArray()) {
          int i = Integer.parseInt(seg);
          node = i < node.size() ? node.get(i) : null;
        } else {
          node = node.get(seg);
        }
      }
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a pointer, or the object it would be a field of, exists (a missing phone points to /basics/phone). */
  public static boolean pointsIntoCv(Cv cv, String pointer) {
    if (resolve(cv, pointer) != null) {
      return true;
    }
    int slash = pointer.lastIndexOf('/');
    return slash >= 0 && resolve(cv, pointer.substring(0, slash)) != null;
  }
}
