package dev.altocv.render;

import java.util.List;

/** A design names a template that does not exist; the message lists the ones that do. */
public final class UnknownTemplateException extends RenderException {
  private static final long serialVersionUID = 1L;
  private final String templateId;

  /**
   * @param templateId the unknown id
   * @param known the ids that exist
   */
  public UnknownTemplateException(String templateId, List<String> known) {
    super("unknown template '" + templateId + "'; the templates are: " + String.join(", ", known));
    this.templateId = templateId;
  }

  /**
   * The id that was asked for.
   *
   * @return the unknown id
   */
  public String templateId() {
    return templateId;
  }
}
