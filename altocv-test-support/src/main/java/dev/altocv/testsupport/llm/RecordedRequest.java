package dev.altocv.testsupport.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A request a test server received.
 *
 * @param method the method
 * @param path the path
 * @param headers the headers, names in lower case
 * @param body the body
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The body as JSON.
   *
   * @return the tree
   */
  public JsonNode json() {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A header's first value.
   *
   * @param name the name, any case
   * @return the value, or null
   */
  public @org.jspecify.annotations.Nullable String header(String name) {
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /**
   * All text of the request's messages (system prompt, user and tool messages), for assertions.
   *
   * @return the text
   */
  public String allText() {
    StringBuilder sb = new StringBuilder();
    collect(json(), sb);
    return sb.toString();
  }

  private static void collect(JsonNode n, StringBuilder sb) {
    if (n.isTextual()) {
      sb.append(n.textValue()).append('\n');
    } else {
      n.forEach(c -> collect(c, sb));
    }
  }
}
