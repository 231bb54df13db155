package dev.altocv.ai.spi;

import java.util.Objects;

/**
 * What AltoCV answers to one tool call.
 *
 * @param callId the id of the call
 * @param content the answer, for the model
 * @param error whether the call was refused (then {@code content} says why)
 */
public record ToolResult(String callId, String content, boolean error) {
  /** Checks the values. */
  public ToolResult {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(content, "content");
  }
}
