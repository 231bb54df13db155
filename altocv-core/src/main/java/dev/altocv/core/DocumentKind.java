package dev.altocv.core;

/**
 * The two document kinds AltoCV reads. A document with a top-level {@code "altocv"} object is an AltoCV
 * document; anything else is read as JSON Resume.
 */
public enum DocumentKind {
  /** A JSON Resume 1.0 document (jsonresume.org). */
  JSON_RESUME("JSON Resume document"),
  /** An AltoCV document: JSON Resume plus item ids and the {@code altocv} part. */
  ALTOCV("AltoCV document");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  /**
   * A name for messages.
   *
   * @return for example "JSON Resume document"
   */
  public String label() {
    return label;
  }
}
