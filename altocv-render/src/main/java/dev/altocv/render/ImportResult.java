package dev.altocv.render;

import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Meta;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an import read.
 *
 * @param cv the CV (ids assigned; custom sections, if any, under {@code altocv.customSections})
 * @param confidence for every field read, how sure the reader is, from 0 to 1, keyed by the field's JSON
 *     Pointer in the JSON Resume document (for example {@code /work/0/position}; custom sections as
 *     {@code /altocv/customSections/0/items/1/title})
 * @param unplaced lines of text the reader could not place in any field (nothing is dropped silently)
 * @param warnings what the reader guessed, for a person to check
 * @param format {@code pdf} or {@code docx}
 * @param pages pages read (PDF), or 0
 */
public record ImportResult(Cv cv, Map<String, Double> confidence, List<String> unplaced, List<String> warnings,
    String format, int pages) {

  /** Copies the collections. */
  public ImportResult {
    Objects.requireNonNull(cv, "cv");
    confidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(confidence));
    unplaced = List.copyOf(unplaced);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(format, "format");
  }

  /**
   * The confidence of one field.
   *
   * @param pointer a JSON Pointer such as {@code /basics/name}
   * @return the confidence, or null when the field was not read
   */
  public @Nullable Double confidenceOf(String pointer) {
    return confidence.get(pointer);
  }

  /**
   * The CV as a JSON Resume document with the import report in {@code meta.altocvImport}: {@code format},
   * {@code pages}, {@code confidence} (pointer to 0..1), {@code unplaced} and {@code warnings}. Custom sections
   * are not part of JSON Resume and are left out (see {@link #cv()}).
   *
   * @return indented JSON
   */
  public String jsonResume() {
    Map<String, @Nullable Object> report = new LinkedHashMap<>();
    report.put("format", format);
    report.put("pages", pages);
    Map<String, @Nullable Object> conf = new LinkedHashMap<>();
    confidence.forEach((k, v) -> conf.put(k, BigDecimal.valueOf(v)));
    report.put("confidence", conf);
    report.put("unplaced", List.copyOf(unplaced));
    report.put("warnings", List.copyOf(warnings));
    Map<String, @Nullable Object> extra = new LinkedHashMap<>();
    extra.put("altocvImport", report);
    Cv withReport = cv.toBuilder().meta(new Meta(null, null, null, extra)).build();
    return AltoCv.writeJsonResume(withReport);
  }
}
