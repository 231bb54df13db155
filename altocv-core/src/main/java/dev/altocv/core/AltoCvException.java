package dev.altocv.core;

/**
 * The root of every exception AltoCV throws on purpose. Unchecked: bad input is a caller mistake to report,
 * not a condition to declare. Messages are written for the person who gave the input.
 */
public class AltoCvException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, for a person
   */
  public AltoCvException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, for a person
   * @param cause the underlying failure
   */
  public AltoCvException(String message, Throwable cause) {
    super(message, cause);
  }
}
