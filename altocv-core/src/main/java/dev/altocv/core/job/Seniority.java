package dev.altocv.core.job;

import java.util.Locale;

/** How senior a role or a person is. */
public enum Seniority {
  /** Internships, trainees, graduates and entry-level roles (0-2 years). */
  JUNIOR,
  /** Mid-level (3-5 years). */
  MID,
  /** Senior (6+ years). */
  SENIOR,
  /** Lead, staff, principal, manager, head (8+ years, leading others). */
  LEAD;

  /**
   * The name in JSON.
   *
   * @return for example {@code senior}
   */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The years of experience this level usually asks for, when a posting does not say.
   *
   * @return years
   */
  public int typicalYears() {
    return switch (this) {
      case JUNIOR -> 0;
      case MID -> 3;
      case SENIOR -> 5;
      case LEAD -> 8;
    };
  }
}
