package dev.altocv.core.internal.ats;

import dev.altocv.core.ats.AtsFinding;
import dev.altocv.core.ats.AtsReport;
import dev.altocv.core.ats.AtsRule;
import dev.altocv.core.ats.Severity;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.model.Cv;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Runs the rules and turns their outcomes into a scored report. */
public final class AtsEngine {
  private AtsEngine() {}

  /**
   * The rules of a CV-only analysis, then the job rule.
   *
   * @return every rule, in report order
   */
  public static List<AtsRule> rules() {
    List<AtsRule> out = new ArrayList<>();
    for (Check c : Rules.ALL) {
      out.add(c.rule());
    }
    out.add(Rules.LANGUAGE_RULE);
    out.add(JobRule.RULE);
    return out;
  }

  /**
   * Analyses a CV.
   *
   * @param cv the CV
   * @param now the current month
   * @param job a posting to check keywords against, or null
   * @return the report
   */
  public static AtsReport analyze(Cv cv, YearMonth now, @Nullable JobPosting job) {
    Ctx ctx = new Ctx(cv, now, job);
    List<Check> checks = new ArrayList<>();
    for (Check c : Rules.ALL) {
      if (c.appliesTo(ctx)) {
        checks.add(c);
      }
    }
    if (job != null) {
      checks.add(new JobRule());
    }
    // rules with nothing to check (no custom sections, a single job...) are left out and the others scaled
    List<Check.Outcome> outcomes = new ArrayList<>();
    double total = 0;
    for (Check c : checks) {
      Check.Outcome out = new Check.Outcome();
      c.run(ctx, out);
      outcomes.add(out);
      if (out.notApplicable == null) {
        total += c.rule().weight();
      }
    }
    List<AtsFinding> findings = new ArrayList<>();
    double lost = 0;
    for (int i = 0; i < checks.size(); i++) {
      AtsRule r = checks.get(i).rule();
      Check.Outcome out = outcomes.get(i);
      String where = out.passedPointer == null ? "" : out.passedPointer;
      if (out.notApplicable != null) {
        findings.add(new AtsFinding(r.id(), r.category(), Severity.INFO, "Not applicable: " + out.notApplicable
            + " (the rule's weight goes to the others).", where, null, 0, 0, null));
        continue;
      }
      double points = total == 0 ? 0 : r.weight() * 100.0 / total;
      double effect = -points * (1 - out.pass);
      lost -= effect;
      if (out.drafts.isEmpty()) {
        if (effect < 0) {
          // a rule that lost points always says why; this is a programming error
          throw new IllegalStateException("rule " + r.id() + " lost points without a finding");
        }
        findings.add(new AtsFinding(r.id(), r.category(), Severity.INFO, "Passed: " + r.description(), where, null,
            points, 0, null));
        continue;
      }
      double share = effect / out.drafts.size();
      for (Check.Draft d : out.drafts) {
        findings.add(new AtsFinding(r.id(), r.category(), d.severity(), d.message(), d.pointer(), d.evidence(),
            points, share == 0 ? 0 : share, d.fix()));
      }
    }
    if (!ctx.english()) {
      AtsRule r = Rules.LANGUAGE_RULE;
      findings.add(new AtsFinding(r.id(), r.category(), Severity.INFO, "The CV appears to be in "
          + ctx.language.name() + "; the checks of wording (action verbs, pronouns, clichés) "
          + "cover English only and were skipped, and the score is computed without them.", "", ctx.language.code(),
          0, 0, null));
    }
    int score = (int) Math.round(Math.max(0, Math.min(100, 100 - lost)));
    return new AtsReport(score, findings, ctx.words, Rules.pages(ctx), Math.round(ctx.years * 10) / 10.0,
        ctx.language.code());
  }
}
