package dev.altocv.server.cli;

/** A command-line failure with its exit code and a message for the person at the terminal. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /**
   * @param exitCode the exit code
   * @param message what went wrong
   */
  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /**
   * The exit code.
   *
   * @return 1 for invalid input, 2 for usage or unreadable files
   */
  public int exitCode() {
    return exitCode;
  }
}
