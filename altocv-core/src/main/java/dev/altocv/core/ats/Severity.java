package dev.altocv.core.ats;

import java.util.Locale;

/** How much a finding matters. */
public enum Severity {
  /** An ATS or recruiter will likely reject or misread the CV. */
  ERROR,
  /** Worth fixing: it costs points or attention. */
  WARNING,
  /** Worth knowing; a passed rule is reported as info with effect 0. */
  INFO;

  /**
   * The name in JSON.
   *
   * @return for example {@code warning}
   */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
