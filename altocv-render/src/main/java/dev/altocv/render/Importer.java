package dev.altocv.render;

import dev.altocv.render.internal.read.Reader;
import java.util.Objects;

/**
 * Reads a CV from a PDF or DOCX file, without any LLM: the PDF's text layer with positions (PDFBox) or the
 * Word document's paragraphs and styles (POI) become lines, lines become sections (headings by size, weight,
 * capitals and a lexicon of phrasings), sections become fields, each with a confidence. Two-column layouts and
 * tables are read column by column. Only visible text is used: no metadata, no attachments.
 *
 * <pre>{@code
 * ImportResult r = Importer.withDefaults().read(Files.readAllBytes(path), path.toString());
 * Cv cv = r.cv();
 * double sure = r.confidence().getOrDefault("/work/0/position", 0.0);
 * }</pre>
 *
 * <p>Thread-safe; each call runs with the {@link ImportLimits} of this importer.
 */
public final class Importer {
  private final ImportLimits limits;

  private Importer(ImportLimits limits) {
    this.limits = limits;
  }

  /**
   * An importer with the default limits.
   *
   * @return the importer
   */
  public static Importer withDefaults() {
    return new Importer(ImportLimits.DEFAULT);
  }

  /**
   * An importer with given limits.
   *
   * @param limits the limits
   * @return the importer
   */
  public static Importer withLimits(ImportLimits limits) {
    return new Importer(Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Reads a PDF or DOCX, recognised by its content (the name is only used in messages).
   *
   * @param data the file's bytes
   * @param fileName the file's name, for messages
   * @return what was read
   * @throws ImportException when the file is empty, too large, not a PDF or DOCX, damaged, protected by a
   *     password, a picture without text, a zip bomb, or too slow to read
   */
  public ImportResult read(byte[] data, String fileName) {
    Objects.requireNonNull(data, "data");
    return Reader.read(data, fileName == null ? "the file" : fileName, limits);
  }

  /**
   * The limits in force.
   *
   * @return the limits
   */
  public ImportLimits limits() {
    return limits;
  }
}
