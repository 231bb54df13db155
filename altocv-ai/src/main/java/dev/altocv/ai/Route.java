package dev.altocv.ai;

import java.time.Duration;
import java.util.Objects;

/**
 * Where one task's calls go: the provider, the model, the output token cap and the time-out of one call.
 *
 * @param task the task
 * @param provider the provider
 * @param model the model name as the provider knows it
 * @param maxTokens the most output tokens one call may produce
 * @param timeout the longest one call may take, streaming included
 */
public record Route(Task task, ProviderKind provider, String model, int maxTokens, Duration timeout) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException for a blank model, a cap below 1 or a time-out that is not positive
   */
  public Route {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(timeout, "timeout");
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1, not " + maxTokens);
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, not " + timeout);
    }
  }
}
