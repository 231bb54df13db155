package dev.altocv.core.job;

import dev.altocv.core.AltoCvException;

/** A job posting that cannot be analysed: empty, or not text AltoCV can read. */
public class JobPostingException extends AltoCvException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong with the posting
   */
  public JobPostingException(String message) {
    super(message);
  }
}
