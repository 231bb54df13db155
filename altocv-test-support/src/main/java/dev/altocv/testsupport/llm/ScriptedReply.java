package dev.altocv.testsupport.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a test server answers to one request. */
public sealed interface ScriptedReply permits ScriptedTurn, ScriptedReply.Error, ScriptedReply.Hang,
    ScriptedReply.Raw {

  /**
   * An HTTP error in the provider's error format.
   *
   * @param status the status
   * @param message the error message
   * @param headers extra headers, e.g. {@code Retry-After}
   */
  record Error(int status, String message, Map<String, String> headers) implements ScriptedReply {}

  /** A server that accepts the request and never answers (until it is closed): the client must time out. */
  record Hang() implements ScriptedReply {}

  /**
   * A recorded response replayed byte for byte.
   *
   * @param status the status
   * @param contentType the content type, e.g. {@code text/event-stream}
   * @param body the body
   */
  record Raw(int status, String contentType, String body) implements ScriptedReply {}

  /**
   * An error.
   *
   * @param status the status
   * @param message the message
   * @return the reply
   */
  static ScriptedReply error(int status, String message) {
    return new Error(status, message, Map.of());
  }

  /**
   * HTTP 429 with {@code Retry-After} in seconds.
   *
   * @param seconds the wait the server asks for
   * @return the reply
   */
  static ScriptedReply rateLimited(int seconds) {
    return new Error(429, "Rate limit reached. Please try again in " + seconds + "s.",
        Map.of("Retry-After", String.valueOf(seconds)));
  }

  /**
   * A server that never answers.
   *
   * @return the reply
   */
  static ScriptedReply hang() {
    return new Hang();
  }

  /**
   * A recorded stream from this module's resources ({@code dev/altocv/testsupport/llm/NAME}).
   *
   * @param name the file name, e.g. {@code openai-two-tools.sse}
   * @return the reply
   */
  static ScriptedReply recorded(String name) {
    String path = "dev/altocv/testsupport/llm/" + name;
    try (InputStream in = ScriptedReply.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded response " + path);
      }
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Raw(200, name.endsWith(".sse") ? "text/event-stream" : "application/json", body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
