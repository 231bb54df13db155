package dev.altocv.core;

/** Input that is not well-formed JSON, with the line and column where reading stopped. */
public final class MalformedJsonException extends AltoCvException {
  private static final long serialVersionUID = 1L;
  private final int line;
  private final int column;

  /**
   * @param what what was being read, for example {@code CV} or {@code patch}
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param detail what the reader found
   */
  public MalformedJsonException(String what, int line, int column, String detail) {
    super("malformed JSON in " + what + (line > 0 ? " at line " + line + ", column " + column : "") + ": "
        + detail);
    this.line = line;
    this.column = column;
  }

  /**
   * Where reading stopped.
   *
   * @return the 1-based line, or 0 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * Where reading stopped.
   *
   * @return the 1-based column, or 0 when unknown
   */
  public int column() {
    return column;
  }
}
