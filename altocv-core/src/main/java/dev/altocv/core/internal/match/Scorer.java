package dev.altocv.core.internal.match;

import dev.altocv.core.embed.Embedder;
import dev.altocv.core.internal.text.Lexicon;
import dev.altocv.core.internal.text.Tokenizer;
import dev.altocv.core.job.EducationLevel;
import dev.altocv.core.match.MatchReport;
import dev.altocv.core.match.MatchedKeyword;
import dev.altocv.core.match.MissingKeyword;
import dev.altocv.core.match.Suggestion;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchOp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The recruiter's judgement as arithmetic; README "How match scores combine" describes it. */
public final class Scorer {
  private Scorer() {}

  /** Component weights of the overall score. */
  static final double W_SKILLS = 0.45;
  static final double W_EXPERIENCE = 0.30;
  static final double W_EDUCATION = 0.10;
  static final double W_SUMMARY = 0.15;
  /** Credit for a skill shown only through a related skill of the same lexicon group. */
  static final double RELATED = 0.35;
  /** Each missing hard requirement multiplies the overall score by this. */
  static final double HARD_MISSING = 0.55;
  /** With no relevant experience the overall score is at most this; it rises to 1 at the years asked. */
  static final double JUNIOR_CAP = 0.35;
  /** The term cosine at which the lexical summary fit is full. */
  static final double LEXICAL_FULL = 0.5;

  /**
   * A skill's credit: its own evidence, or a share of the best related skill's.
   *
   * @param cv the CV
   * @param want the skill asked for
   * @return credit 0-1 and whether it was direct
   */
  static double[] credit(CvProfile cv, PostingProfile.Want want) {
    CvProfile.Evidence own = cv.skills.get(want.def().id());
    if (own != null) {
      return new double[] {own.strength(), 1};
    }
    Lexicon.SkillDef def = want.def();
    if (def.licence() || def.soft() || def.group().equals("general/languages")) {
      return new double[] {0, 0};
    }
    return new double[] {cv.groupBest.getOrDefault(def.group(), 0.0) * RELATED, 0};
  }

  /**
   * How close a CV's job title is to the posting's: the same role 1, a family's
   * general title and one of its specialties 0.8, the specialty next door 0.5, else the share
   * of the posting title's words it has.
   *
   * @param job the CV's job
   * @param posting the posting
   * @return 0-1
   */
  static double titleRelevance(CvProfile.Job job, PostingProfile posting) {
    if (job.role() != null && posting.role != null) {
      if (job.role().group().equals(posting.role.group())) {
        return 1;
      }
      if (job.role().family().equals(posting.role.family())) {
        return job.role().general() || posting.role.general() ? 0.8 : 0.5;
      }
    }
    String title = posting.posting.title();
    if (title == null || job.position().isBlank()) {
      return 0;
    }
    Set<String> want = posting.titleWords;
    if (want.isEmpty()) {
      return 0;
    }
    Set<String> have = contentWords(job.position());
    int common = 0;
    for (String w : want) {
      if (have.contains(w)) {
        common++;
      }
    }
    double overlap = (double) common / want.size();
    // two known roles of different families share words only by accident ("engineer")
    return job.role() != null && posting.role != null ? Math.min(0.3, overlap * 0.5) : overlap * 0.8;
  }

  private static final Set<String> TITLE_NOISE = Set.of("senior", "sr", "junior", "jr", "lead", "principal", "staff",
      "head", "chief", "associate", "assistant", "i", "ii", "iii", "iv", "intern", "trainee", "graduate", "entry",
      "level", "of", "and", "the", "for", "in", "a", "m", "f", "d", "w", "remote", "hybrid");

  static Set<String> contentWords(String title) {
    Set<String> out = new HashSet<>();
    for (Tokenizer.Token t : Tokenizer.tokens(title)) {
      if (!TITLE_NOISE.contains(t.key())) {
        out.add(t.key());
      }
    }
    return out;
  }

  /**
   * Scores a CV against a posting.
   *
   * @param cv the CV's profile
   * @param posting the posting's profile
   * @param cvVector the CV's embedding, or null without an embedder
   * @param postingVector the posting's embedding, or null
   * @param withSuggestions whether to build matched keywords, suggestions and patches (ranking skips them)
   * @return the report
   */
  public static MatchReport score(CvProfile cv, PostingProfile posting, float @Nullable [] cvVector,
      float @Nullable [] postingVector, boolean withSuggestions) {
    // ---- skills
    double wsum = 0;
    double got = 0;
    List<String> hardMissing = new ArrayList<>();
    for (PostingProfile.Want w : posting.wants) {
      double[] c = credit(cv, w);
      wsum += w.weight();
      got += w.weight() * c[0];
      if (w.hard() && c[0] < 0.5) {
        hardMissing.add(w.def().name());
      }
    }
    double lexical = CvProfile.cosine(cv.terms, posting.terms);
    double lexicalFit = Math.min(1, lexical / LEXICAL_FULL);
    double skills = wsum == 0 ? lexicalFit : got / wsum;

    // ---- experience: relevant years against years asked, and title relevance
    List<PostingProfile.Want> hardSkills = posting.wants.stream()
        .filter(w -> w.required() && !w.def().soft() && !w.def().licence()
            && !w.def().group().equals("general/languages")).toList();
    double relevantMonths = 0;
    int totalMonths = 0;
    double titleFit = 0;
    for (CvProfile.Job job : cv.jobs) {
      double title = titleRelevance(job, posting);
      double skillShare = 0;
      if (!hardSkills.isEmpty()) {
        int shown = 0;
        for (PostingProfile.Want w : hardSkills) {
          if (job.skills().contains(w.def().id())) {
            shown++;
          }
        }
        skillShare = Math.min(1, shown / Math.max(2.0, hardSkills.size() * 0.4));
      }
      double relevance = Math.max(title, 0.8 * skillShare);
      relevantMonths += job.months() * relevance;
      totalMonths += job.months();
      titleFit = Math.max(titleFit, title * job.recency());
    }
    double relevantYears = Math.min(cv.years, relevantMonths / 12.0);
    if (totalMonths == 0) {
      relevantYears = 0;
    }
    int asked = posting.yearsAsked;
    double ratio = asked == 0 ? 1 : relevantYears / asked;
    double yearsFit = Math.min(1, ratio);
    if (posting.posting.title() == null) {
      titleFit = Math.max(titleFit, skills);
    }
    double experience = 0.65 * yearsFit + 0.35 * titleFit;
    if (asked <= 2 && cv.years > 12) {
      experience *= 0.85; // a veteran for a junior role: a recruiter hesitates
    }

    // ---- education
    EducationLevel wantEdu = posting.posting.educationLevel();
    double education;
    if (wantEdu == EducationLevel.NONE) {
      education = 1;
    } else {
      int gap = wantEdu.ordinal() - cv.education.ordinal();
      boolean required = posting.posting.educationRequired();
      education = gap <= 0 ? 1 : gap == 1 ? (required ? 0.55 : 0.8) : (required ? 0.25 : 0.6);
    }

    // ---- summary fit
    boolean semantic = cvVector != null && postingVector != null;
    double summary = lexicalFit;
    if (semantic) {
      double cos = Embedder.cosine(cvVector, postingVector);
      double sem = Math.max(0, Math.min(1, (cos - 0.15) / 0.5));
      summary = 0.7 * sem + 0.3 * lexicalFit;
    }

    double overall = W_SKILLS * skills + W_EXPERIENCE * experience + W_EDUCATION * education + W_SUMMARY * summary;
    overall *= Math.max(0.3, Math.pow(HARD_MISSING, hardMissing.size()));
    if (ratio < 1) {
      overall = Math.min(overall, JUNIOR_CAP + (1 - JUNIOR_CAP) * ratio);
    }

    List<MatchedKeyword> matched = new ArrayList<>();
    List<MissingKeyword> missing = new ArrayList<>();
    List<Suggestion> suggestions = new ArrayList<>();
    if (withSuggestions) {
      explain(cv, posting, matched, missing, suggestions, hardMissing, relevantYears, asked);
    }
    return new MatchReport(pct(overall), pct(skills), pct(experience), pct(education), pct(summary), semantic,
        Math.round(relevantYears * 10) / 10.0, asked, hardMissing, matched, missing, suggestions);
  }

  private static int pct(double v) {
    return (int) Math.round(Math.max(0, Math.min(1, v)) * 100);
  }

  private static void explain(CvProfile cv, PostingProfile posting, List<MatchedKeyword> matched,
      List<MissingKeyword> missing, List<Suggestion> suggestions, List<String> hardMissing, double relevantYears,
      int asked) {
    List<MissingKeyword> missingPreferred = new ArrayList<>();
    List<MatchedKeyword> matchedPreferred = new ArrayList<>();
    Lexicon lex = Lexicon.get();
    for (String h : hardMissing) {
      suggestions.add(new Suggestion("The posting requires " + h + ". Without it most applications are screened "
          + "out; if you hold it, add it under certificates with its number and expiry.", null));
    }
    if (asked > 0 && relevantYears < asked) {
      suggestions.add(new Suggestion(String.format(Locale.ROOT, "The posting asks for %d years; the CV shows about "
          + "%.1f years of relevant experience. If you have more, make the related work visible (titles, dates, "
          + "bullets naming the skills).", asked, relevantYears), null));
    }
    for (PostingProfile.Want w : posting.wants) {
      CvProfile.Evidence e = cv.skills.get(w.def().id());
      String name = w.def().name();
      if (e != null) {
        MatchedKeyword k = new MatchedKeyword(name, w.required(), e.locations());
        (w.required() ? matched : matchedPreferred).add(k);
        if (e.inExperience() && !e.inSkillsList() && !w.def().soft()) {
          suggestions.add(new Suggestion("Add '" + name + "' to your skills: your experience shows it, and ATS "
              + "searches match the skills section exactly.", addToSkills(cv, name)));
        } else if (!e.inExperience() && e.inSkillsList() && w.required() && !w.def().soft() && !w.def().licence()) {
          suggestions.add(new Suggestion("'" + name + "' appears only in your skills list; show it in a bullet of "
              + "the job where you used it (what you did with it and the result).", null));
        }
        continue;
      }
      MissingKeyword k = new MissingKeyword(name, w.required());
      (w.required() ? missing : missingPreferred).add(k);
      if (w.required() && !w.hard() && !w.def().soft()) {
        String related = relatedShown(cv, w.def(), lex);
        suggestions.add(new Suggestion(related != null
            ? "The posting requires " + name + "; the CV shows the related " + related + ". If you have used "
                + name + ", say where."
            : "The posting requires " + name + ". If you have used it, add it to a bullet of the job where you did.",
            null));
      }
    }
    matched.addAll(matchedPreferred);
    missing.addAll(missingPreferred);
  }

  private static @Nullable String relatedShown(CvProfile cv, Lexicon.SkillDef def, Lexicon lex) {
    double best = 0;
    String name = null;
    for (Map.Entry<Integer, CvProfile.Evidence> e : cv.skills.entrySet()) {
      Lexicon.SkillDef other = lex.skill(e.getKey());
      if (!other.licence() && other.group().equals(def.group()) && e.getValue().strength() > best) {
        best = e.getValue().strength();
        name = other.name();
      }
    }
    return name;
  }

  /**
   * The patch that adds a skill to the CV's first skill group (guarded by a test of the group's name), or a new
   * group "Skills" when there is none.
   *
   * @param cv the CV's profile
   * @param name the skill
   * @return the patch
   */
  public static Patch addToSkills(CvProfile cv, String name) {
    if (cv.firstSkillGroupId == null) {
      return Patch.of(PatchOp.add("/skills/-", Map.of("name", "Skills", "keywords", List.of(name))));
    }
    String group = "/skills/[id=" + cv.firstSkillGroupId + "]";
    return cv.firstSkillGroupName == null
        ? Patch.of(PatchOp.add(group + "/keywords/-", name))
        : Patch.of(PatchOp.test(group + "/name", cv.firstSkillGroupName), PatchOp.add(group + "/keywords/-", name));
  }
}
