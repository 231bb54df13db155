package dev.altocv.core.model;

import java.util.Objects;

/**
 * Vertical rhythm and page margins.
 *
 * @param density how tightly entries are packed (default {@link Density#NORMAL})
 * @param sectionMargin space above each section in millimetres, {@value #MIN_SECTION_MARGIN} to
 *     {@value #MAX_SECTION_MARGIN} (default 5)
 * @param contentPadding page margin on every side in millimetres, {@value #MIN_CONTENT_PADDING} to
 *     {@value #MAX_CONTENT_PADDING} (default 16)
 */
public record Spacing(Density density, double sectionMargin, double contentPadding) {

  /** Smallest section margin, mm. */
  public static final double MIN_SECTION_MARGIN = 0;
  /** Largest section margin, mm. */
  public static final double MAX_SECTION_MARGIN = 20;
  /** Smallest page margin, mm. */
  public static final double MIN_CONTENT_PADDING = 5;
  /** Largest page margin, mm. */
  public static final double MAX_CONTENT_PADDING = 30;

  /** The defaults. */
  public static final Spacing DEFAULT = new Spacing(Density.NORMAL, 5, 16);

  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException naming the setting and its allowed range
   */
  public Spacing {
    density = Objects.requireNonNullElse(density, Density.NORMAL);
    Ranges.check("sectionMargin", sectionMargin, MIN_SECTION_MARGIN, MAX_SECTION_MARGIN, "mm");
    Ranges.check("contentPadding", contentPadding, MIN_CONTENT_PADDING, MAX_CONTENT_PADDING, "mm");
  }
}
