package dev.altocv.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Section order.
 *
 * @param sectionOrder the sections in the order they are shown: names from {@link #SECTIONS} and ids of
 *     {@link CustomSection}s. A section that is not listed is shown after the listed ones, in the default
 *     order; an empty list means the default order.
 */
public record Layout(List<String> sectionOrder) {

  /** The built-in sections, in their default order. */
  public static final List<String> SECTIONS =
      List.of("summary", "work", "education", "skills", "projects", "certificates", "awards", "publications",
          "volunteer", "languages", "interests", "references");

  private static final Pattern CUSTOM_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  /** The default: an empty list, which means {@link #SECTIONS} in order. */
  public static final Layout DEFAULT = new Layout(List.of());

  /**
   * Copies the list and checks that no name appears twice.
   *
   * @throws IllegalArgumentException for a repeated or malformed entry
   */
  public Layout {
    sectionOrder = Extras.list(sectionOrder);
    Set<String> seen = new HashSet<>();
    for (String s : sectionOrder) {
      if (!CUSTOM_ID.matcher(s).matches()) {
        throw new IllegalArgumentException("sectionOrder entry '" + s + "' is not a section name or id");
      }
      if (!seen.add(s)) {
        throw new IllegalArgumentException("sectionOrder lists '" + s + "' twice");
      }
    }
  }
}
