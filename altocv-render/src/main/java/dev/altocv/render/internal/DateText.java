package dev.altocv.render.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Dates as templates show them and as the importer reads them back. A template shows dates in one
 * {@link Style}; a date is shown at the style's precision or the date's own, whichever is coarser.
 */
public final class DateText {
  private DateText() {}

  /** How a template writes a date. */
  public enum Style {
    /** {@code Jun 2021}. */
    SHORT_MONTH("MMM yyyy"),
    /** {@code June 2021}. */
    LONG_MONTH("MMMM yyyy"),
    /** {@code 06/2021}. */
    NUMERIC_MONTH("MM/yyyy"),
    /** {@code 2021}. */
    YEAR("yyyy");

    private final String pattern;

    Style(String pattern) {
      this.pattern = pattern;
    }

    /**
     * The pattern as written in a template's metadata.
     *
     * @return for example {@code MMM yyyy}
     */
    public String pattern() {
      return pattern;
    }

    /**
     * Looks a style up by its pattern.
     *
     * @param pattern for example {@code MMM yyyy}
     * @return the style
     * @throws IllegalArgumentException for an unknown pattern
     */
    public static Style fromPattern(String pattern) {
      for (Style s : values()) {
        if (s.pattern.equals(pattern)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown date pattern '" + pattern + "'");
    }

    /**
     * Whether this style shows months.
     *
     * @return false for {@link #YEAR}
     */
    public boolean showsMonth() {
      return this != YEAR;
    }
  }

  /** The word shown for the end of a current role. */
  public static final String PRESENT = "Present";

  static final String[] SHORT = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static final String[] LONG = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};

  private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  /**
   * Formats an ISO 8601 date (year, month or day precision) in a style. Text that is not such a date is
   * returned as it is.
   *
   * @param iso the date, for example {@code 2021-06-15}
   * @param style the style
   * @return for example {@code Jun 2021}
   */
  public static String format(String iso, Style style) {
    Matcher m = ISO.matcher(iso.trim());
    if (!m.matches()) {
      return iso;
    }
    String year = m.group(1);
    if (m.group(2) == null || style == Style.YEAR) {
      return year;
    }
    int month = Integer.parseInt(m.group(2));
    if (month < 1 || month > 12) {
      return year;
    }
    return switch (style) {
      case SHORT_MONTH -> SHORT[month - 1] + " " + year;
      case LONG_MONTH -> LONG[month - 1] + " " + year;
      case NUMERIC_MONTH -> m.group(2) + "/" + year;
      case YEAR -> year;
    };
  }

  /**
   * An ISO date cut to the precision a style shows: {@code 2021-06-15} in {@link Style#SHORT_MONTH} is
   * {@code 2021-06}.
   *
   * @param iso the date
   * @param style the style
   * @return the date at the shown precision
   */
  public static String atShownPrecision(String iso, Style style) {
    Matcher m = ISO.matcher(iso.trim());
    if (!m.matches()) {
      return iso;
    }
    if (m.group(2) == null || !style.showsMonth()) {
      return m.group(1);
    }
    return m.group(1) + "-" + m.group(2);
  }

  private static final String MONTH_WORD =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          + "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String ONE =
      "(?:" + MONTH_WORD + "\\s+(\\d{4})|(\\d{1,2})\\s*[/.]\\s*(\\d{4})|(\\d{4})-(\\d{2})(?:-(\\d{2}))?|(\\d{4}))";
  private static final String PRESENT_WORDS = "(present|current|now|today|ongoing)";
  private static final String DASH = "\\s*(?:[-\u2010\u2011\u2012\u2013\u2014\u2212]|to|until|till)\\s*";

  /** A single date, the whole text. */
  private static final Pattern SINGLE = Pattern.compile("(?i)" + ONE);
  /** A range at the end of a text: start, then an end date or a word for "present". */
  private static final Pattern RANGE_AT_END = Pattern.compile(
      "(?i)(?:^|\\s|[(,\u00b7|])((?:since\\s+)?" + ONE + "(?:" + DASH + "(?:" + ONE + "|" + PRESENT_WORDS + "))?)\\)?\\s*$");

  /** A date range read from text. */
  public record Range(String start, @Nullable String end, boolean present, String text) {}

  /**
   * Parses one date.
   *
   * @param text for example {@code Jun 2021}, {@code June 2021}, {@code 06/2021}, {@code 2021-06}, {@code 2021}
   * @return the ISO date at the precision written
   */
  public static Optional<String> parseOne(String text) {
    Matcher m = SINGLE.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(iso(m, 1));
  }

  /**
   * Finds a date or date range at the end of a text.
   *
   * @param text a line, for example {@code Senior Engineer Jun 2021 – Present}
   * @return the range (a single date has no end and is not "present"), with the matched text
   */
  public static Optional<Range> rangeAtEnd(String text) {
    Matcher m = RANGE_AT_END.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String start = iso(m, 2);
    if (start == null) {
      return Optional.empty();
    }
    String end = iso(m, 10);
    boolean present = m.group(18) != null;
    return Optional.of(new Range(start, end, present, m.group(1)));
  }

  /** Reads the ISO date from the eight groups of {@link #ONE} starting at {@code g}. */
  private static @Nullable String iso(Matcher m, int g) {
    if (m.group(g) != null) {
      int month = monthOf(m.group(g));
      return m.group(g + 1) + "-" + two(month);
    }
    if (m.group(g + 2) != null) {
      int month = Integer.parseInt(m.group(g + 2));
      if (month < 1 || month > 12) {
        return null;
      }
      return m.group(g + 3) + "-" + two(month);
    }
    if (m.group(g + 4) != null) {
      int month = Integer.parseInt(m.group(g + 5));
      if (month < 1 || month > 12) {
        return null;
      }
      return m.group(g + 4) + "-" + m.group(g + 5) + (m.group(g + 6) != null ? "-" + m.group(g + 6) : "");
    }
    if (m.group(g + 7) != null) {
      return m.group(g + 7);
    }
    return null;
  }

  private static int monthOf(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace(".", "");
    for (int i = 0; i < 12; i++) {
      if (SHORT[i].toLowerCase(Locale.ROOT).equals(w.length() >= 3 ? w.substring(0, 3) : w)) {
        return i + 1;
      }
    }
    throw new IllegalStateException("not a month: " + word);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }
}
