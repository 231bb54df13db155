package dev.altocv.core.model;

/** Range checks with messages that name the setting, the allowed range and the unit. */
final class Ranges {
  private Ranges() {}

  static void check(String name, double value, double min, double max, String unit) {
    if (Double.isNaN(value) || value < min || value > max) {
      String u = unit.isEmpty() ? "" : " " + unit;
      throw new IllegalArgumentException(
          name + " must be between " + fmt(min) + " and " + fmt(max) + u + ", not " + fmt(value));
    }
  }

  static String fmt(double d) {
    return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
