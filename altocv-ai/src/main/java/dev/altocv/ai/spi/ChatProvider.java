package dev.altocv.ai.spi;

import java.util.function.Consumer;

/**
 * Expert: one LLM provider behind AltoCV's port. An implementation sends one request, streams the text to
 * {@code onText} as it arrives and returns the whole answer, tool calls complete. It does not retry: the
 * caller does (honouring {@link dev.altocv.ai.AiException#retryAfter()}). Implementations are thread-safe.
 */
public interface ChatProvider extends AutoCloseable {

  /**
   * A short name for messages and usage records.
   *
   * @return for example {@code openai}
   */
  String name();

  /**
   * Sends one request and streams the answer.
   *
   * @param request the request
   * @param onText receives each piece of text as it arrives
   * @return the complete answer
   * @throws dev.altocv.ai.AiException when the call fails, with a kind that says whether a retry may help
   */
  ProviderResponse stream(ProviderRequest request, Consumer<String> onText);

  /** Releases connections and threads. The default does nothing. */
  @Override
  default void close() {}
}
