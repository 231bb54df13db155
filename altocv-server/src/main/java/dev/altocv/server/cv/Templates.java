package dev.altocv.server.cv;

import dev.altocv.core.model.Cv;
import dev.altocv.render.Render;
import dev.altocv.render.TemplateInfo;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The check the schema cannot make: that a CV's design names a template AltoCV has. */
public final class Templates {
  private Templates() {}

  /**
   * What is wrong with the CV's template.
   *
   * @param cv the CV
   * @return the message, or null when the template exists
   */
  public static @Nullable String unknown(Cv cv) {
    return unknown(cv.altocv().design().templateId());
  }

  /**
   * What is wrong with a template id.
   *
   * @param id the template id
   * @return the message, or null when the template exists
   */
  public static @Nullable String unknown(String id) {
    if (Render.template(id).isPresent()) {
      return null;
    }
    return "no template is called '" + id + "'; the templates are: "
        + Render.templates().stream().map(TemplateInfo::id).collect(Collectors.joining(", "));
  }
}
