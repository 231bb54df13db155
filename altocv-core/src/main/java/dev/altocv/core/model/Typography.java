package dev.altocv.core.model;

import java.util.Objects;

/**
 * Fonts and sizes.
 *
 * @param fontPairing one of the fixed {@link FontPairing}s (default {@link FontPairing#MODERN})
 * @param headingSize section heading size in points, {@value #MIN_HEADING_SIZE} to {@value #MAX_HEADING_SIZE}
 *     (default 13)
 * @param bodySize body text size in points, {@value #MIN_BODY_SIZE} to {@value #MAX_BODY_SIZE} (default 10.5)
 * @param lineHeight line height as a multiple of the font size, {@value #MIN_LINE_HEIGHT} to
 *     {@value #MAX_LINE_HEIGHT} (default 1.35)
 */
public record Typography(FontPairing fontPairing, double headingSize, double bodySize, double lineHeight) {

  /** Smallest heading size, pt. */
  public static final double MIN_HEADING_SIZE = 10;
  /** Largest heading size, pt. */
  public static final double MAX_HEADING_SIZE = 28;
  /** Smallest body size, pt. */
  public static final double MIN_BODY_SIZE = 8;
  /** Largest body size, pt. */
  public static final double MAX_BODY_SIZE = 14;
  /** Smallest line height. */
  public static final double MIN_LINE_HEIGHT = 1.0;
  /** Largest line height. */
  public static final double MAX_LINE_HEIGHT = 2.0;

  /** The defaults. */
  public static final Typography DEFAULT = new Typography(FontPairing.MODERN, 13, 10.5, 1.35);

  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException naming the setting and its allowed range
   */
  public Typography {
    fontPairing = Objects.requireNonNullElse(fontPairing, FontPairing.MODERN);
    Ranges.check("headingSize", headingSize, MIN_HEADING_SIZE, MAX_HEADING_SIZE, "pt");
    Ranges.check("bodySize", bodySize, MIN_BODY_SIZE, MAX_BODY_SIZE, "pt");
    Ranges.check("lineHeight", lineHeight, MIN_LINE_HEIGHT, MAX_LINE_HEIGHT, "");
  }
}
