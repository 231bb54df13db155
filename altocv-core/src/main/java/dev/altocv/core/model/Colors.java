package dev.altocv.core.model;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The CV's colours, each {@code #RRGGBB}. Null arguments take the defaults.
 *
 * @param primary headings and the name (default {@code #1F3A5F})
 * @param accent rules, links and highlights (default {@code #2E6DA4})
 * @param text body text (default {@code #1A1A1A})
 * @param background the page (default {@code #FFFFFF})
 */
public record Colors(String primary, String accent, String text, String background) {

  private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

  /** The defaults. */
  public static final Colors DEFAULT = new Colors("#1F3A5F", "#2E6DA4", "#1A1A1A", "#FFFFFF");

  /**
   * Checks each colour.
   *
   * @throws IllegalArgumentException when a colour is not {@code #RRGGBB}
   */
  public Colors {
    primary = check("primary", primary, "#1F3A5F");
    accent = check("accent", accent, "#2E6DA4");
    text = check("text", text, "#1A1A1A");
    background = check("background", background, "#FFFFFF");
  }

  private static String check(String name, @Nullable String value, String fallback) {
    String v = Objects.requireNonNullElse(value, fallback);
    if (!HEX.matcher(v).matches()) {
      throw new IllegalArgumentException(
          "colour " + name + " must be #RRGGBB (like #1F3A5F), not '" + v + "'");
    }
    return v;
  }
}
