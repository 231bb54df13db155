package dev.altocv.ai.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request to a provider.
 *
 * @param model the model
 * @param system the system prompt (trusted instructions only)
 * @param messages the conversation, oldest first; the first is from the user
 * @param tools the tools the model may call
 * @param forcedTool the name of a tool the model must call, or null to let it choose
 * @param maxTokens the output token cap
 * @param timeout the time-out of the whole call, streaming included
 */
public record ProviderRequest(String model, String system, List<ProviderMessage> messages, List<ToolSpec> tools,
    @Nullable String forcedTool, int maxTokens, Duration timeout) {

  /**
   * Copies the lists and checks the values.
   *
   * @throws IllegalArgumentException for no messages, a forced tool that is not offered, or a cap below 1
   */
  public ProviderRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(timeout, "timeout");
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a request needs at least one message");
    }
    if (forcedTool != null && tools.stream().noneMatch(t -> t.name().equals(forcedTool))) {
      throw new IllegalArgumentException("forced tool " + forcedTool + " is not among the tools");
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1");
    }
  }
}
