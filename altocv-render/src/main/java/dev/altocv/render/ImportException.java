package dev.altocv.render;

import dev.altocv.core.AltoCvException;
import java.util.Objects;

/** A file could not be imported; the message says why, for a person, and {@link #reason()} for a program. */
public final class ImportException extends AltoCvException {
  private static final long serialVersionUID = 1L;

  /** Why an import failed. */
  public enum Reason {
    /** The file is empty. */
    EMPTY,
    /** Neither a PDF nor a DOCX. */
    UNSUPPORTED,
    /** Damaged or not what its name says. */
    CORRUPT,
    /** Protected by a password. */
    ENCRYPTED,
    /** A PDF of pictures only (a scan): there is no text to read. */
    NO_TEXT,
    /** Larger than the size limit. */
    TOO_LARGE,
    /** More pages than the page limit. */
    TOO_MANY_PAGES,
    /** Reading took longer than the time limit. */
    TIMEOUT,
    /** Reading needed more memory than the memory limit. */
    TOO_COMPLEX,
    /** A DOCX that unpacks to far more than it weighs (a zip bomb). */
    ZIP_BOMB
  }

  private final Reason reason;

  /**
   * @param reason why
   * @param message what went wrong, for a person
   */
  public ImportException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason);
  }

  /**
   * @param reason why
   * @param message what went wrong, for a person
   * @param cause the underlying failure
   */
  public ImportException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason);
  }

  /**
   * Why the import failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
