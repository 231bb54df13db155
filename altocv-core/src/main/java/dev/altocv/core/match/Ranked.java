package dev.altocv.core.match;

import java.util.Objects;

/**
 * One result of a ranking: the key it was added under and its match report.
 *
 * @param key the key given to {@link CvIndex#add} or {@link JobIndex#add}
 * @param report the match of the CV and the posting
 */
public record Ranked(String key, MatchReport report) {
  /** Checks the fields. */
  public Ranked {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(report, "report");
  }

  /**
   * The overall score.
   *
   * @return 0-100
   */
  public int score() {
    return report.overall();
  }
}
