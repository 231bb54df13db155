package dev.altocv.core.internal.ats;

import dev.altocv.core.ats.AtsRule;
import dev.altocv.core.ats.Category;
import dev.altocv.core.ats.Severity;
import dev.altocv.core.internal.match.CvProfile;
import dev.altocv.core.internal.match.PostingProfile;
import dev.altocv.core.internal.match.Scorer;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.patch.Patch;

/** With a posting: the share of its skills an ATS keyword search finds anywhere in the CV. */
final class JobRule implements Check {
  static final AtsRule RULE = new AtsRule("job.keywords", Category.CONTENT, 20, "With a job posting: the "
      + "posting's required skills (preferred ones count half) that an ATS keyword search finds in the CV. Weight "
      + "20 of 120, scaled to 100 with the others.");

  @Override
  public AtsRule rule() {
    return RULE;
  }

  @Override
  public void run(Ctx ctx, Outcome out) {
    out.passedPointer = "/skills";
    JobPosting job = ctx.job;
    if (job == null) {
      return;
    }
    CvProfile cv = CvProfile.of(ctx.cv, ctx.now);
    PostingProfile posting = PostingProfile.of(job);
    double want = 0;
    double have = 0;
    for (PostingProfile.Want w : posting.wants()) {
      if (w.def().soft()) {
        continue;
      }
      double weight = w.required() ? 1 : 0.5;
      want += weight;
      CvProfile.Evidence e = cv.skills().get(w.def().id());
      String name = w.def().name();
      if (e != null) {
        have += weight;
        if (!e.inSkillsList() && !w.def().licence()) {
          Patch fix = Scorer.addToSkills(cv, name);
          out.add(Severity.INFO, "'" + name + "' appears in your experience but not in your skills section; ATS "
              + "searches often look there first.", e.locations().get(0), name, fix);
        }
        continue;
      }
      out.add(w.required() ? Severity.WARNING : Severity.INFO, "The posting " + (w.required() ? "requires" : "prefers")
          + " '" + name + "' and the CV never mentions it. If you have it, show where you used it.", "/skills", name,
          null);
    }
    if (want > 0) {
      out.pass(have / want);
    }
  }
}
