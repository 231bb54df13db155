package dev.altocv.server.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Rate limits: how many requests of a kind one user (or, for sign-up, one client address) may make per window.
 *
 * @param ai AI requests (chat, tailoring) per user
 * @param export exports per user
 * @param importFile imports per user
 * @param signup new accounts per client address
 * @param fetch job-posting pages fetched by URL per user
 * @param match job matches per user (each may cost a semantic model pass)
 * @param preview renders of unsaved content for the editor's preview per user
 */
public record RateLimits(Rate ai, Rate export, Rate importFile, Rate signup, Rate fetch, Rate match,
    Rate preview) {

  /**
   * At most {@code count} per {@code window}.
   *
   * @param count the allowance, at least 1
   * @param window the fixed window
   */
  public record Rate(int count, Duration window) {
    /** Checks the values. */
    public Rate {
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1");
      }
    }

    /**
     * Parses {@code N/s}, {@code N/m}, {@code N/h} or {@code N/d}.
     *
     * @param name the setting, for messages
     * @param text the value
     * @return the rate
     * @throws SettingsException when malformed
     */
    public static Rate parse(String name, String text) {
      String t = text.trim().toLowerCase(Locale.ROOT);
      int slash = t.indexOf('/');
      if (slash > 0 && slash < t.length() - 1) {
        String n = t.substring(0, slash);
        String unit = t.substring(slash + 1);
        if (n.length() <= 7 && n.chars().allMatch(Character::isDigit)) {
          int count = Integer.parseInt(n);
          Duration window = switch (unit) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> null;
          };
          if (window != null && count > 0) {
            return new Rate(count, window);
          }
        }
      }
      throw new SettingsException(name, "must be a rate like 30/m (N per s, m, h or d, N at least 1), not '"
          + text + "'");
    }
  }
}
