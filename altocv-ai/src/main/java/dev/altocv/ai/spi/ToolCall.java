package dev.altocv.ai.spi;

import java.util.Objects;

/**
 * A tool call made by the model.
 *
 * @param id the provider's id of the call (results refer to it)
 * @param name the tool's name, as the model wrote it (it may name no tool that exists)
 * @param arguments the arguments as the model wrote them (JSON text, possibly malformed)
 */
public record ToolCall(String id, String name, String arguments) {
  /** Checks the values. */
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
  }
}
