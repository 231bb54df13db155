package dev.altocv.render;

/**
 * Options of the PDF.
 *
 * @param tagged whether the PDF is tagged for accessibility (PDF/UA mode of openhtmltopdf: a structure tree,
 *     the document language, XMP identification). On by default; off saves about a quarter of the render time
 *     and a third of the file size, for bulk rendering where no person with a screen reader will open the file.
 *     The text layer and its reading order are the same either way.
 */
public record PdfOptions(boolean tagged) {

  /** Tagged. */
  public static final PdfOptions DEFAULT = new PdfOptions(true);

  /**
   * A copy with or without tags.
   *
   * @param on whether to tag
   * @return the copy
   */
  public PdfOptions withTagged(boolean on) {
    return new PdfOptions(on);
  }
}
