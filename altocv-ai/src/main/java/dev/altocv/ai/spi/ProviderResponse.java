package dev.altocv.ai.spi;

import java.util.List;
import java.util.Objects;

/**
 * A provider's complete answer to one request.
 *
 * @param text all text, in order
 * @param toolCalls the tool calls, complete, in order
 * @param stopReason why the model stopped, as the provider says it ({@code stop}, {@code tool_calls},
 *     {@code end_turn}, {@code tool_use}, {@code length}, {@code max_tokens}...)
 * @param inputTokens prompt tokens the provider counted, or 0 when it did not say
 * @param outputTokens output tokens the provider counted, or 0 when it did not say
 */
public record ProviderResponse(String text, List<ToolCall> toolCalls, String stopReason, long inputTokens,
    long outputTokens) {
  /** Copies the list. */
  public ProviderResponse {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(stopReason, "stopReason");
    toolCalls = List.copyOf(toolCalls);
  }

  /**
   * Whether the answer was cut by the output token cap.
   *
   * @return true for {@code length} and {@code max_tokens}
   */
  public boolean truncated() {
    return stopReason.equals("length") || stopReason.equals("max_tokens");
  }
}
