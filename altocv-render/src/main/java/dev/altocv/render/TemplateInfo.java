package dev.altocv.render;

import dev.altocv.core.model.Design;
import java.util.List;
import java.util.Objects;

/**
 * A template: its id, what it looks like, and what it leaves out.
 *
 * @param id the id used in {@link Design#templateId()}, for example {@code modern}
 * @param name a display name
 * @param description one sentence for a template picker
 * @param datePrecision the finest date precision shown (a day-precision date is shown at this precision)
 * @param omittedFields CV fields this template does not show, as JSON Resume paths with {@code []} for
 *     "every item", for example {@code work[].description}; every other field it shows, and a PDF of it read
 *     back by the importer gives that field back
 * @param suggestedDesign the design the template was drawn for (fonts, colours, sizes); applying it is a
 *     choice for the editor, never automatic
 */
public record TemplateInfo(
    String id,
    String name,
    String description,
    DatePrecision datePrecision,
    List<String> omittedFields,
    Design suggestedDesign) {

  /** Checks for nulls and copies the list. */
  public TemplateInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(datePrecision, "datePrecision");
    omittedFields = List.copyOf(omittedFields);
    Objects.requireNonNull(suggestedDesign, "suggestedDesign");
  }
}
