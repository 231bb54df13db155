package dev.altocv.core.model;

/** Paper size of the rendered CV. */
public enum Paper {
  /** ISO A4, 210 x 297 mm. */
  A4("A4", 210.0, 297.0),
  /** US Letter, 8.5 x 11 in (215.9 x 279.4 mm). */
  LETTER("Letter", 215.9, 279.4);

  private final String json;
  private final double widthMm;
  private final double heightMm;

  Paper(String json, double widthMm, double heightMm) {
    this.json = json;
    this.widthMm = widthMm;
    this.heightMm = heightMm;
  }

  /**
   * The value written in JSON: {@code A4} or {@code Letter}.
   *
   * @return the JSON value
   */
  public String json() {
    return json;
  }

  /**
   * Page width.
   *
   * @return width in millimetres
   */
  public double widthMm() {
    return widthMm;
  }

  /**
   * Page height.
   *
   * @return height in millimetres
   */
  public double heightMm() {
    return heightMm;
  }

  /**
   * Looks a paper size up by its JSON value (case-insensitive).
   *
   * @param value {@code A4} or {@code Letter}
   * @return the paper size
   * @throws IllegalArgumentException naming the allowed values when the value is unknown
   */
  public static Paper fromJson(String value) {
    for (Paper p : values()) {
      if (p.json.equalsIgnoreCase(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException("paper must be A4 or Letter, not '" + value + "'");
  }
}
