package dev.altocv.core.model;

/**
 * The fixed list of font pairings: a family for headings and one for body text. The families are
 * open-licensed TrueType fonts that the render module ships and embeds in PDFs.
 */
public enum FontPairing {
  /** Lato for headings and text: clean, contemporary sans. */
  MODERN("modern", "Lato", "Lato"),
  /** Liberation Serif (Times New Roman metrics) throughout: traditional. */
  CLASSIC("classic", "Liberation Serif", "Liberation Serif"),
  /** Carlito (Calibri metrics) throughout: the office look recruiters know. */
  CORPORATE("corporate", "Carlito", "Carlito"),
  /** Open Sans throughout: open and very legible on screens. */
  FRIENDLY("friendly", "Open Sans", "Open Sans"),
  /** Liberation Serif headings over Lato text. */
  ELEGANT("elegant", "Liberation Serif", "Lato"),
  /** Lato headings over Liberation Serif text: a publication feel. */
  EDITORIAL("editorial", "Lato", "Liberation Serif");

  private final String json;
  private final String headingFamily;
  private final String bodyFamily;

  FontPairing(String json, String headingFamily, String bodyFamily) {
    this.json = json;
    this.headingFamily = headingFamily;
    this.bodyFamily = bodyFamily;
  }

  /**
   * The value written in JSON.
   *
   * @return the pairing id, for example {@code modern}
   */
  public String json() {
    return json;
  }

  /**
   * The heading font family.
   *
   * @return the family name, for example {@code Lato}
   */
  public String headingFamily() {
    return headingFamily;
  }

  /**
   * The body font family.
   *
   * @return the family name
   */
  public String bodyFamily() {
    return bodyFamily;
  }

  /**
   * Looks a pairing up by its id.
   *
   * @param value the id, for example {@code classic}
   * @return the pairing
   * @throws IllegalArgumentException listing the allowed ids when the value is unknown
   */
  public static FontPairing fromJson(String value) {
    for (FontPairing f : values()) {
      if (f.json.equals(value)) {
        return f;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (FontPairing f : values()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(f.json);
    }
    throw new IllegalArgumentException("fontPairing must be one of " + allowed + ", not '" + value + "'");
  }
}
