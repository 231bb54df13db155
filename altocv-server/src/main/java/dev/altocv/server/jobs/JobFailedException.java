package dev.altocv.server.jobs;

import dev.altocv.core.AltoCvException;

/** Thrown by a job handler for a failure that another attempt would not fix: the job fails (and is refunded). */
public final class JobFailedException extends AltoCvException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message why, for the person (no personal data)
   */
  public JobFailedException(String message) {
    super(message);
  }
}
