package dev.altocv.core.internal.cv;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** CV dates (ISO 8601 at year, month or day precision) as months, and spans of months. */
public final class Dates {
  private Dates() {}

  /**
   * A date's month: {@code 2021} is January 2021, {@code 2021-06} and {@code 2021-06-15} are June 2021.
   *
   * @param date the date as written, or null
   * @return the month, or null when absent or unreadable
   */
  public static @Nullable YearMonth month(@Nullable String date) {
    if (date == null || date.length() < 4) {
      return null;
    }
    try {
      int year = Integer.parseInt(date.substring(0, 4));
      int month = date.length() >= 7 ? Integer.parseInt(date.substring(5, 7)) : 1;
      return YearMonth.of(year, month);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The precision of a date: 4 (year), 7 (month) or 10 (day); 0 when absent.
   *
   * @param date the date
   * @return the length of its precision
   */
  public static int precision(@Nullable String date) {
    return date == null ? 0 : date.length();
  }

  /**
   * A span of months, inclusive.
   *
   * @param start the first month
   * @param end the last month
   */
  public record Span(YearMonth start, YearMonth end) {
    /** @return the number of months, at least 1 */
    public int months() {
      return Math.max(1, (end.getYear() - start.getYear()) * 12 + end.getMonthValue() - start.getMonthValue() + 1);
    }
  }

  /**
   * A span from a start and an end date; an absent end is {@code now}.
   *
   * @param start start date as written
   * @param end end date as written, or null for current
   * @param now the current month
   * @return the span, or null without a readable start (or an end before the start)
   */
  public static @Nullable Span span(@Nullable String start, @Nullable String end, YearMonth now) {
    YearMonth s = month(start);
    if (s == null) {
      return null;
    }
    YearMonth e = end == null ? now : month(end);
    if (e == null) {
      e = now;
    }
    if (e.isAfter(now)) {
      e = now;
    }
    if (s.isAfter(e)) {
      return null;
    }
    return new Span(s, e);
  }

  /**
   * The number of months covered by spans, overlaps counted once.
   *
   * @param spans the spans
   * @return the months
   */
  public static int coveredMonths(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparing(Span::start));
    int total = 0;
    YearMonth curStart = null;
    YearMonth curEnd = null;
    for (Span s : sorted) {
      if (curEnd == null || s.start().isAfter(curEnd.plusMonths(1))) {
        if (curEnd != null) {
          total += new Span(curStart, curEnd).months();
        }
        curStart = s.start();
        curEnd = s.end();
      } else if (s.end().isAfter(curEnd)) {
        curEnd = s.end();
      }
    }
    if (curEnd != null) {
      total += new Span(curStart, curEnd).months();
    }
    return total;
  }

  /**
   * Years between a month and now, as a fraction.
   *
   * @param month the month
   * @param now now
   * @return years, 0 when in the future
   */
  public static double yearsAgo(YearMonth month, YearMonth now) {
    int m = (now.getYear() - month.getYear()) * 12 + now.getMonthValue() - month.getMonthValue();
    return Math.max(0, m) / 12.0;
  }
}
