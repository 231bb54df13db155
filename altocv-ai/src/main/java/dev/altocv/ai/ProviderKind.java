package dev.altocv.ai;

import java.util.Locale;

/** The kinds of provider AltoCV talks to. */
public enum ProviderKind {
  /** OpenAI's API (chat completions), through openai-java. */
  OPENAI("openai", "gpt-5.4", "gpt-5.4-mini", "gpt-5.4-nano"),
  /** Anthropic's API (messages), through anthropic-java. */
  ANTHROPIC("anthropic", "claude-sonnet-5-5", "claude-haiku-5-5", "claude-haiku-5-5"),
  /**
   * Any server that speaks OpenAI's chat completions protocol at a base URL: Ollama, vLLM, llama.cpp,
   * LM Studio. It has no default models: {@code ALTOCV_AI_MODEL} names one.
   */
  OPENAI_COMPATIBLE("openai-compatible", null, null, null);

  private final String json;
  private final String large;
  private final String small;
  private final String fast;

  ProviderKind(String json, String large, String small, String fast) {
    this.json = json;
    this.large = large;
    this.small = small;
    this.fast = fast;
  }

  /**
   * The name in configuration.
   *
   * @return for example {@code openai-compatible}
   */
  public String json() {
    return json;
  }

  /**
   * This provider's default model for a model size.
   *
   * @param size the size a task wants
   * @return the model, or null when the provider has no defaults (openai-compatible)
   */
  public @org.jspecify.annotations.Nullable String defaultModel(Task.ModelSize size) {
    switch (size) {
      case LARGE:
        return large;
      case SMALL:
        return small;
      default:
        return fast;
    }
  }

  /**
   * Looks a provider up by its configuration name (case-insensitive; {@code openai_compatible} and
   * {@code compatible} are accepted too).
   *
   * @param name the name
   * @return the provider
   * @throws IllegalArgumentException naming the providers
   */
  public static ProviderKind fromJson(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    if (n.equals("compatible")) {
      return OPENAI_COMPATIBLE;
    }
    for (ProviderKind p : values()) {
      if (p.json.equals(n)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown AI provider '" + name
        + "'; use openai, anthropic or openai-compatible");
  }
}
