package dev.altocv.render;

import java.util.Locale;
import java.util.Optional;

/** What a CV can be exported as. */
public enum ExportFormat {
  /** A tagged PDF with real, selectable text and embedded fonts. */
  PDF("pdf", "application/pdf"),
  /** A Word document with real headings and lists. */
  DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  /** Clean text for pasting into an applicant-tracking system's form. */
  TXT("txt", "text/plain; charset=utf-8"),
  /** A standalone HTML page. */
  HTML("html", "text/html; charset=utf-8"),
  /** The JSON Resume document. */
  JSON("json", "application/json");

  private final String extension;
  private final String mediaType;

  ExportFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  /**
   * The file extension, without the dot.
   *
   * @return for example {@code pdf}
   */
  public String extension() {
    return extension;
  }

  /**
   * The media type for HTTP.
   *
   * @return for example {@code application/pdf}
   */
  public String mediaType() {
    return mediaType;
  }

  /**
   * The format a file name's extension names ({@code .htm} counts as HTML).
   *
   * @param fileName a file name such as {@code cv.pdf}
   * @return the format, or empty for another or no extension
   */
  public static Optional<ExportFormat> ofFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (ext.equals("htm")) {
      return Optional.of(HTML);
    }
    for (ExportFormat f : values()) {
      if (f.extension.equals(ext)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Looks a format up by name, case-insensitively.
   *
   * @param name {@code pdf}, {@code docx}, {@code txt}, {@code html} or {@code json}
   * @return the format
   * @throws IllegalArgumentException naming the formats when the name is unknown
   */
  public static ExportFormat fromName(String name) {
    for (ExportFormat f : values()) {
      if (f.extension.equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "'; the formats are pdf, docx, txt, html, json");
  }
}
