package dev.altocv.render.internal;

import dev.altocv.core.model.Design;
import dev.altocv.render.DatePrecision;
import dev.altocv.render.TemplateInfo;
import java.util.List;
import java.util.Map;

/**
 * A template as loaded from {@code templates/<id>.json} and {@code templates/<id>.css}: the structural
 * choices the markup writer makes, the CSS, and the public metadata.
 *
 * @param info the public metadata
 * @param dateStyle how dates are written
 * @param header {@code left}, {@code center} or {@code band}
 * @param inlineEntries whether an entry's organisation and place follow the title on its line (else a second
 *     line)
 * @param skillGrid whether skills are a two-column grid (else one line per group)
 * @param inlineLanguages whether languages share one line (else one per line)
 * @param headings section key to heading text (built-in sections)
 * @param sectionOrder the default section order
 * @param css the template's stylesheet (uses {@code var(--cv-...)} only)
 */
public record TemplateSpec(
    TemplateInfo info,
    DateText.Style dateStyle,
    String header,
    boolean inlineEntries,
    boolean skillGrid,
    boolean inlineLanguages,
    Map<String, String> headings,
    List<String> sectionOrder,
    String css) {

  /**
   * The template id.
   *
   * @return the id
   */
  public String id() {
    return info.id();
  }

  /**
   * The suggested design.
   *
   * @return the design
   */
  public Design suggested() {
    return info.suggestedDesign();
  }

  /**
   * The heading for a built-in section.
   *
   * @param key a section key such as {@code work}
   * @return the heading text
   */
  public String heading(String key) {
    String h = headings.get(key);
    if (h == null) {
      throw new IllegalStateException("template " + id() + " has no heading for " + key);
    }
    return h;
  }

  static DatePrecision precisionOf(DateText.Style s) {
    return s.showsMonth() ? DatePrecision.MONTH : DatePrecision.YEAR;
  }
}
