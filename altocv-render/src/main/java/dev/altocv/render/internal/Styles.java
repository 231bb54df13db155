package dev.altocv.render.internal;

import dev.altocv.core.model.Design;
import dev.altocv.core.model.FontPairing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Design settings as CSS custom properties. The browser preview declares the base variables (one per design
 * setting) and derives the rest with {@code calc()}, so the editor repaints by setting one variable; the PDF
 * gets every variable resolved to a concrete value, because openhtmltopdf knows neither {@code var()} nor
 * {@code calc()}.
 */
public final class Styles {
  private Styles() {}

  /** Derived variables: name to (base variable, factor, unit). */
  private record Derived(String base, double factor, String unit) {}

  private static final Map<String, Derived> DERIVED = new LinkedHashMap<>();

  static {
    DERIVED.put("--cv-name-size", new Derived("--cv-heading-size", 1.85, "pt"));
    DERIVED.put("--cv-label-size", new Derived("--cv-heading-size", 0.92, "pt"));
    DERIVED.put("--cv-small-size", new Derived("--cv-body-size", 0.92, "pt"));
    DERIVED.put("--cv-gap-entry", new Derived("--cv-density", 7, "pt"));
    DERIVED.put("--cv-gap-para", new Derived("--cv-density", 4, "pt"));
    DERIVED.put("--cv-gap-heading", new Derived("--cv-density", 4, "pt"));
    DERIVED.put("--cv-gap-bullet", new Derived("--cv-density", 1.2, "pt"));
  }

  /** The base variables, one per design setting, in the order the editor's design panel lists them. */
  public static final List<String> BASE = List.of(
      "--cv-primary", "--cv-accent", "--cv-text", "--cv-background", "--cv-heading-font", "--cv-body-font",
      "--cv-heading-size", "--cv-body-size", "--cv-line-height", "--cv-density", "--cv-section-margin",
      "--cv-page-margin", "--cv-page-width", "--cv-page-height");

  /** Every variable a template may use. */
  public static final Set<String> VARIABLES;

  static {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(BASE);
    all.addAll(DERIVED.keySet());
    VARIABLES = java.util.Collections.unmodifiableSet(all);
  }

  /**
   * The base variables of a design, as the browser preview declares them.
   *
   * @param d the design
   * @param fallbacks font families appended to both font lists (for scripts the main fonts lack)
   * @param generic whether to end the font lists with a generic family ({@code serif}, {@code sans-serif})
   * @return variable name to CSS value, in {@link #BASE} order
   */
  public static Map<String, String> base(Design d, List<String> fallbacks, boolean generic) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("--cv-primary", d.colors().primary());
    v.put("--cv-accent", d.colors().accent());
    v.put("--cv-text", d.colors().text());
    v.put("--cv-background", d.colors().background());
    FontPairing f = d.typography().fontPairing();
    v.put("--cv-heading-font", fontList(f.headingFamily(), fallbacks, generic));
    v.put("--cv-body-font", fontList(f.bodyFamily(), fallbacks, generic));
    v.put("--cv-heading-size", num(d.typography().headingSize()) + "pt");
    v.put("--cv-body-size", num(d.typography().bodySize()) + "pt");
    v.put("--cv-line-height", num(d.typography().lineHeight()));
    v.put("--cv-density", num(d.spacing().density().factor()));
    v.put("--cv-section-margin", num(d.spacing().sectionMargin()) + "mm");
    v.put("--cv-page-margin", num(d.spacing().contentPadding()) + "mm");
    v.put("--cv-page-width", num(d.paper().widthMm()) + "mm");
    v.put("--cv-page-height", num(d.paper().heightMm()) + "mm");
    return v;
  }

  /**
   * The derived variables as {@code calc()} expressions over the base ones (browser only).
   *
   * @return variable name to CSS expression
   */
  public static Map<String, String> derivedCalc() {
    Map<String, String> v = new LinkedHashMap<>();
    DERIVED.forEach((name, d) -> v.put(name, d.unit.isEmpty() || d.base.equals("--cv-density")
        ? "calc(" + num(d.factor) + d.unit + " * var(" + d.base + "))"
        : "calc(var(" + d.base + ") * " + num(d.factor) + ")"));
    return v;
  }

  /**
   * Every variable resolved to a concrete value (for the PDF).
   *
   * @param d the design
   * @param fallbacks fallback font families
   * @return variable name to value
   */
  public static Map<String, String> resolved(Design d, List<String> fallbacks) {
    Map<String, String> v = base(d, fallbacks, false);
    DERIVED.forEach((name, der) -> {
      double base = switch (der.base) {
        case "--cv-heading-size" -> d.typography().headingSize();
        case "--cv-body-size" -> d.typography().bodySize();
        case "--cv-density" -> d.spacing().density().factor();
        default -> throw new IllegalStateException(der.base);
      };
      v.put(name, num(base * der.factor) + der.unit);
    });
    return v;
  }

  private static final Pattern VAR = Pattern.compile("var\\((--cv-[a-z0-9-]+)\\)");

  /**
   * Replaces every {@code var(--cv-...)} in a stylesheet with its value.
   *
   * @param css the stylesheet
   * @param values the resolved variables
   * @return CSS without variables
   */
  public static String substitute(String css, Map<String, String> values) {
    Matcher m = VAR.matcher(css);
    StringBuilder out = new StringBuilder(css.length());
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * A {@code :root} block declaring variables.
   *
   * @param vars the variables
   * @return the CSS rule
   */
  public static String rootBlock(Map<String, String> vars) {
    StringBuilder b = new StringBuilder(":root {\n");
    vars.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append(";\n"));
    return b.append("}\n").toString();
  }

  static String fontList(String family, List<String> fallbacks, boolean generic) {
    StringBuilder b = new StringBuilder("'").append(family).append("'");
    for (String f : fallbacks) {
      b.append(", '").append(f).append("'");
    }
    if (generic) {
      b.append(Fonts.isSerif(family) ? ", serif" : ", sans-serif");
    }
    return b.toString();
  }

  /**
   * A number for CSS: at most two decimals, no trailing zeros.
   *
   * @param d the number
   * @return its text
   */
  public static String num(double d) {
    String s = String.format(Locale.ROOT, "%.2f", d);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }
}
