package dev.altocv.core.internal.ats;

import dev.altocv.core.internal.cv.CvFields;
import dev.altocv.core.internal.text.TextTools;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.model.Cv;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the rules look at: the CV, its fields, the current month, its language and experience. */
final class Ctx {
  final Cv cv;
  final List<CvFields.Field> fields;
  final YearMonth now;
  final TextTools.DetectedLanguage language;
  final double years;
  final int words;
  final @Nullable JobPosting job;

  Ctx(Cv cv, YearMonth now, @Nullable JobPosting job) {
    this.cv = cv;
    this.fields = CvFields.of(cv);
    this.now = now;
    StringBuilder text = new StringBuilder();
    for (CvFields.Field f : fields) {
      if (f.kind() == CvFields.Kind.SUMMARY || f.kind() == CvFields.Kind.HIGHLIGHT
          || f.kind() == CvFields.Kind.JOB_SUMMARY || f.kind() == CvFields.Kind.PROJECT_TEXT) {
        text.append(f.text()).append('\n');
      }
    }
    this.language = text.length() < 40 ? new TextTools.DetectedLanguage("en", "English", true)
        : TextTools.detect(text.toString());
    this.years = CvFields.experienceMonths(cv, now) / 12.0;
    this.words = CvFields.words(fields.stream().filter(f -> f.kind() != CvFields.Kind.EMAIL
        && f.kind() != CvFields.Kind.PHONE && f.kind() != CvFields.Kind.URL && f.kind() != CvFields.Kind.PROFILE)
        .toList());
    this.job = job;
  }

  boolean english() {
    return language.supported();
  }

  List<CvFields.Field> fields(CvFields.Kind kind) {
    return fields.stream().filter(f -> f.kind() == kind).toList();
  }

  /** Bullets of jobs, projects and volunteering. */
  List<CvFields.Field> bullets() {
    return fields(CvFields.Kind.HIGHLIGHT);
  }

  /** Items that take a line or more on the page: jobs, schools, projects, certificates... */
  int entries() {
    return cv.work().size() + cv.education().size() + cv.projects().size() + cv.volunteer().size()
        + cv.certificates().size() + cv.awards().size() + cv.publications().size() + cv.skills().size()
        + cv.languages().size() + cv.altocv().customSections().stream().mapToInt(s -> s.items().size() + 1).sum();
  }
}
