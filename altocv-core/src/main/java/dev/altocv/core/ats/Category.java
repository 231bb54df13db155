package dev.altocv.core.ats;

import java.util.Locale;

/** What an ATS rule checks. */
public enum Category {
  /** Whether an ATS can read the CV: section names, icons and emoji. */
  PARSEABILITY,
  /** Contact details: name, e-mail, phone, location, a profile link. */
  CONTACT,
  /** Sections present and in order, dates present and consistent. */
  STRUCTURE,
  /** The writing: action verbs, measurable results, pronouns, clichés, duplicates, capitals. */
  CONTENT,
  /** Words and pages against seniority. */
  LENGTH;

  /**
   * The name in JSON.
   *
   * @return for example {@code parseability}
   */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
