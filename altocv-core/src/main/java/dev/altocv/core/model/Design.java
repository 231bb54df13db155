package dev.altocv.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Design settings: how the CV looks. The render module turns them into CSS custom properties for the
 * browser preview and into concrete values for the PDF.
 *
 * @param templateId the template, for example {@code modern} (lower case letters, digits and dashes; the
 *     render module lists the templates it has)
 * @param paper A4 or US Letter
 * @param colors colours
 * @param typography fonts and sizes
 * @param spacing density and margins
 * @param layout section order
 */
public record Design(
    String templateId, Paper paper, Colors colors, Typography typography, Spacing spacing, Layout layout) {

  private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** The default template id. */
  public static final String DEFAULT_TEMPLATE = "modern";

  /** The defaults: the modern template on A4. */
  public static final Design DEFAULT =
      new Design(DEFAULT_TEMPLATE, Paper.A4, Colors.DEFAULT, Typography.DEFAULT, Spacing.DEFAULT, Layout.DEFAULT);

  /**
   * Null groups take their defaults.
   *
   * @throws IllegalArgumentException for a malformed template id
   */
  public Design {
    templateId = Objects.requireNonNullElse(templateId, DEFAULT_TEMPLATE);
    if (!TEMPLATE_ID.matcher(templateId).matches()) {
      throw new IllegalArgumentException(
          "templateId must be lower-case letters, digits and dashes, not '" + templateId + "'");
    }
    paper = Objects.requireNonNullElse(paper, Paper.A4);
    colors = Objects.requireNonNullElse(colors, Colors.DEFAULT);
    typography = Objects.requireNonNullElse(typography, Typography.DEFAULT);
    spacing = Objects.requireNonNullElse(spacing, Spacing.DEFAULT);
    layout = Objects.requireNonNullElse(layout, Layout.DEFAULT);
  }
}
