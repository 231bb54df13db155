package dev.altocv.render;

import dev.altocv.core.AltoCvException;

/** Rendering failed: the message says why, for a person. */
public class RenderException extends AltoCvException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong
   */
  public RenderException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
