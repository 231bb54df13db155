package dev.altocv.ai.internal;

import dev.altocv.ai.AiConfig;
import dev.altocv.ai.spi.ChatProvider;

/** Creates the adapter for a configuration, after checking its SDK is on the classpath. */
public final class Providers {
  private Providers() {}

  /**
   * The provider of a configuration.
   *
   * @param config the configuration
   * @return the adapter
   * @throws dev.altocv.ai.AiException of kind MISSING_DEPENDENCY when the SDK is missing
   */
  public static ChatProvider create(AiConfig config) {
    switch (config.provider()) {
      case ANTHROPIC:
        Dependencies.ANTHROPIC.require();
        return new dev.altocv.ai.internal.anthropic.AnthropicProvider(config);
      case OPENAI:
      case OPENAI_COMPATIBLE:
      default:
        Dependencies.OPENAI.require();
        return new dev.altocv.ai.internal.openai.OpenAiProvider(config);
    }
  }
}
