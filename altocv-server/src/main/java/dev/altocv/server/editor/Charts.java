package dev.altocv.server.editor;

import dev.altocv.server.web.Html;
import java.util.List;
import java.util.Locale;

/**
 * Server-side SVG charts: the ATS score gauge and score bars. Pure functions of their numbers, so the browser
 * caches them by URL; every chart carries a title for screen readers and colours with AA contrast on white.
 */
public final class Charts {
  private Charts() {}

  /** Red, amber, green for low, middling and good scores (each at least 4.5:1 against white). */
  static String colour(int score) {
    return score >= 80 ? "#1b6e3a" : score >= 60 ? "#8a5a00" : "#a4161a";
  }

  /**
   * A half-circle gauge with the score in the middle.
   *
   * @param score 0-100 (clamped)
   * @param label what the score is
   * @return the SVG document
   */
  public static String gauge(int score, String label) {
    int s = Math.max(0, Math.min(100, score));
    double r = 80;
    double cx = 100;
    double cy = 100;
    double angle = Math.PI * (1 - s / 100.0);
    double x = cx + r * Math.cos(angle);
    double y = cy - r * Math.sin(angle);
    String arc = String.format(Locale.ROOT, "M %.1f %.1f A %.1f %.1f 0 0 1 %.2f %.2f", cx - r, cy, r, r, x, y);
    String track = String.format(Locale.ROOT, "M %.1f %.1f A %.1f %.1f 0 0 1 %.1f %.1f", cx - r, cy, r, r, cx + r, cy);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 120\" width=\"200\" height=\"120\" role=\"img\""
        + " aria-labelledby=\"t\"><title id=\"t\">" + Html.esc(label) + ": " + s + " out of 100</title>"
        + "<path d=\"" + track + "\" fill=\"none\" stroke=\"#d9dee5\" stroke-width=\"18\" stroke-linecap=\"round\"/>"
        + (s > 0 ? "<path d=\"" + arc + "\" fill=\"none\" stroke=\"" + colour(s)
            + "\" stroke-width=\"18\" stroke-linecap=\"round\"/>" : "")
        + "<text x=\"100\" y=\"96\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"40\" font-weight=\"700\""
        + " fill=\"#1d2430\">" + s + "</text><text x=\"100\" y=\"116\" text-anchor=\"middle\" font-family=\"sans-serif\""
        + " font-size=\"13\" fill=\"#4a5361\">" + Html.esc(label) + "</text></svg>";
  }

  /**
   * One labelled bar.
   *
   * @param name the label
   * @param value 0-100
   */
  public record Bar(String name, int value) {}

  /**
   * Horizontal bars, one per score.
   *
   * @param title what the bars show
   * @param bars the bars
   * @return the SVG document
   */
  public static String bars(String title, List<Bar> bars) {
    int h = 26;
    int height = bars.size() * h + 4;
    StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 ").append(height)
        .append("\" width=\"300\" height=\"").append(height).append("\" role=\"img\" aria-labelledby=\"t\"><title id=\"t\">")
        .append(Html.esc(title)).append(": ");
    for (int i = 0; i < bars.size(); i++) {
      b.append(i > 0 ? ", " : "").append(Html.esc(bars.get(i).name())).append(' ').append(clamp(bars.get(i).value()));
    }
    b.append("</title>");
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int v = clamp(bar.value());
      int y = i * h + 2;
      b.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#1d2430\">")
          .append(Html.esc(bar.name())).append("</text><rect x=\"96\" y=\"").append(y + 4)
          .append("\" width=\"160\" height=\"14\" rx=\"3\" fill=\"#e6e9ee\"/><rect x=\"96\" y=\"").append(y + 4)
          .append("\" width=\"").append(Math.round(1.6 * v)).append("\" height=\"14\" rx=\"3\" fill=\"").append(colour(v))
          .append("\"/><text x=\"300\" y=\"").append(y + 16).append("\" text-anchor=\"end\" font-family=\"sans-serif\" "
              + "font-size=\"13\" fill=\"#1d2430\">").append(v).append("</text>");
    }
    return b.append("</svg>").toString();
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(100, v));
  }
}
