package dev.altocv.ai.spi;

import java.util.List;
import java.util.Objects;

/** One message of the conversation sent to a provider. */
public sealed interface ProviderMessage {

  /**
   * Text from the user side (the person, with any quoted data).
   *
   * @param text the text
   */
  record User(String text) implements ProviderMessage {
    /** Checks the text. */
    public User {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * An earlier answer of the model: its text and the tool calls it made.
   *
   * @param text the text, possibly empty
   * @param toolCalls the calls, possibly none
   */
  record Assistant(String text, List<ToolCall> toolCalls) implements ProviderMessage {
    /** Copies the list. */
    public Assistant {
      Objects.requireNonNull(text, "text");
      toolCalls = List.copyOf(toolCalls);
    }
  }

  /**
   * The results of the tool calls of the preceding {@link Assistant} message, one per call.
   *
   * @param results the results
   */
  record ToolResults(List<ToolResult> results) implements ProviderMessage {
    /** Copies the list. */
    public ToolResults {
      results = List.copyOf(results);
      if (results.isEmpty()) {
        throw new IllegalArgumentException("tool results must not be empty");
      }
    }
  }
}
