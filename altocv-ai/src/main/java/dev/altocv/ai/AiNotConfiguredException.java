package dev.altocv.ai;

/**
 * No AI provider is configured. The message says which environment variables to set. Everything in AltoCV
 * that does not need an LLM keeps working.
 */
public final class AiNotConfiguredException extends AiException {
  private static final long serialVersionUID = 1L;

  /** How to configure a provider, for messages. */
  public static final String HOW_TO = "set ALTOCV_AI_PROVIDER to openai, anthropic or openai-compatible, "
      + "with OPENAI_API_KEY (openai), ANTHROPIC_API_KEY (anthropic) or ALTOCV_AI_BASE_URL and ALTOCV_AI_MODEL "
      + "(openai-compatible, e.g. http://127.0.0.1:11434/v1 for Ollama)";

  /**
   * @param detail what is missing, for example {@code ALTOCV_AI_PROVIDER is not set}
   */
  public AiNotConfiguredException(String detail) {
    super(AiErrorKind.NOT_CONFIGURED, "AI is not configured: " + detail + ". To configure it, " + HOW_TO + ".");
  }
}
