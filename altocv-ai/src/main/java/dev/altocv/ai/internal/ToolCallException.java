package dev.altocv.ai.internal;

/** A tool call that cannot become an edit; the message is written for the model, which may correct the call. */
final class ToolCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ToolCallException(String message) {
    super(message, null, false, false);
  }
}
