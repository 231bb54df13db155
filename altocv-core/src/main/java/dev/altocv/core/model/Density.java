package dev.altocv.core.model;

/** How tightly entries are packed: a multiplier on the vertical space between entries and lines. */
public enum Density {
  /** 0.75 times the normal spacing: fits more on a page. */
  COMPACT("compact", 0.75),
  /** The template's own spacing. */
  NORMAL("normal", 1.0),
  /** 1.3 times the normal spacing. */
  RELAXED("relaxed", 1.3);

  private final String json;
  private final double factor;

  Density(String json, double factor) {
    this.json = json;
    this.factor = factor;
  }

  /**
   * The value written in JSON.
   *
   * @return {@code compact}, {@code normal} or {@code relaxed}
   */
  public String json() {
    return json;
  }

  /**
   * The spacing multiplier.
   *
   * @return the factor applied to the template's vertical spacing
   */
  public double factor() {
    return factor;
  }

  /**
   * Looks a density up by its JSON value.
   *
   * @param value {@code compact}, {@code normal} or {@code relaxed}
   * @return the density
   * @throws IllegalArgumentException naming the allowed values when the value is unknown
   */
  public static Density fromJson(String value) {
    for (Density d : values()) {
      if (d.json.equals(value)) {
        return d;
      }
    }
    throw new IllegalArgumentException("density must be one of compact, normal, relaxed, not '" + value + "'");
  }
}
