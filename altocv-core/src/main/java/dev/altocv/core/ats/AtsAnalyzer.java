package dev.altocv.core.ats;

import dev.altocv.core.internal.ats.AtsEngine;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.model.Cv;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Checks a CV the way an applicant-tracking system and a recruiter read it, and scores it 0-100. Every rule
 * has an id, a category, a weight; every finding has a severity, a message, a pointer into the CV, the
 * evidence, its effect on the score and, where possible, a fix as a patch. Deterministic, offline,
 * thread-safe.
 *
 * <pre>{@code
 * AtsReport report = AtsAnalyzer.standard().analyze(cv);
 * report.score();
 * for (AtsFinding f : report.problems()) {
 *   f.fixPatch().ifPresent(p -> AltoCv.apply(cv, p));
 * }
 * }</pre>
 */
public final class AtsAnalyzer {
  private final Clock clock;

  private AtsAnalyzer(Clock clock) {
    this.clock = clock;
  }

  /**
   * The analyzer on the system clock.
   *
   * @return the analyzer
   */
  public static AtsAnalyzer standard() {
    return new AtsAnalyzer(Clock.systemDefaultZone());
  }

  /**
   * An analyzer whose "now" (current jobs, gaps, future dates) comes from a clock.
   *
   * @param clock the clock
   * @return the analyzer
   */
  public static AtsAnalyzer withClock(Clock clock) {
    return new AtsAnalyzer(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Every rule, in report order, with its weight. The weights of the CV-only rules add up to 100; with a job
   * posting the {@code job.keywords} rule joins and every weight is scaled so the total stays 100.
   *
   * @return the rules
   */
  public static List<AtsRule> rules() {
    return AtsEngine.rules();
  }

  /**
   * Analyses a CV on its own.
   *
   * @param cv the CV
   * @return the report
   */
  public AtsReport analyze(Cv cv) {
    Objects.requireNonNull(cv, "cv");
    return AtsEngine.analyze(cv, YearMonth.now(clock), null);
  }

  /**
   * Analyses a CV for a job posting: the CV-only rules plus {@code job.keywords} (the posting's skills an ATS
   * keyword search would find in the CV).
   *
   * @param cv the CV
   * @param posting the posting
   * @return the report
   */
  public AtsReport analyze(Cv cv, JobPosting posting) {
    Objects.requireNonNull(cv, "cv");
    Objects.requireNonNull(posting, "posting");
    return AtsEngine.analyze(cv, YearMonth.now(clock), posting);
  }
}
