package dev.altocv.core.job;

import java.util.Locale;

/** A level of formal education, lowest first. */
public enum EducationLevel {
  /** Nothing stated. */
  NONE,
  /** High school, secondary school, GED. */
  SECONDARY,
  /** A diploma, associate degree or vocational qualification. */
  ASSOCIATE,
  /** A bachelor's degree. */
  BACHELOR,
  /** A master's degree (MSc, MA, MBA, LLM...). */
  MASTER,
  /** A doctorate (PhD, MD, JD counts as professional doctorate). */
  DOCTORATE;

  /**
   * The name in JSON.
   *
   * @return for example {@code bachelor}
   */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
