package dev.altocv.core.internal.match;

import dev.altocv.core.internal.cv.CvFields;
import dev.altocv.core.internal.cv.Dates;
import dev.altocv.core.internal.job.PostingParser;
import dev.altocv.core.internal.text.Lexicon;
import dev.altocv.core.internal.text.TextTools;
import dev.altocv.core.internal.text.Tokenizer;
import dev.altocv.core.job.EducationLevel;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Education;
import dev.altocv.core.model.Work;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a recruiter takes from a CV before reading a posting: each skill with the strength of its best evidence
 * and where it appears, the jobs with their titles and dates, years of experience, education level and the
 * words of the recent work. Built once per CV (the index keeps it), immutable.
 */
public final class CvProfile {

  /** Where a skill can be shown, strongest first. */
  enum Place { JOB, PROJECT, VOLUNTEER, CERTIFICATE, EDUCATION, SUMMARY, OTHER, SKILLS_LIST }

  /**
   * A skill's evidence.
   *
   * @param strength the best evidence, 0-1: shown in a recent job 1.0, long ago less; a skills list alone 0.3
   * @param inExperience whether a job, project or volunteer role shows it
   * @param inSkillsList whether the skills section lists it
   * @param locations every place it appears (pointers), in document order
   * @param jobIds the jobs that show it
   */
  public record Evidence(double strength, boolean inExperience, boolean inSkillsList, List<String> locations,
      Set<String> jobIds) {}

  /**
   * A job.
   *
   * @param id its id
   * @param position its title
   * @param role the title's role in the lexicon, or null
   * @param months its length in months
   * @param recency 1 for a current or recent job, less for old ones
   * @param skills the lexicon skills its texts show
   */
  public record Job(String id, String position, Lexicon.@Nullable RoleDef role, int months, double recency,
      Set<Integer> skills) {}

  final Map<Integer, Evidence> skills;
  final List<Job> jobs;
  final double years;
  final EducationLevel education;
  final Map<String, Double> terms;
  final String semanticText;
  final @Nullable String firstSkillGroupId;
  final @Nullable String firstSkillGroupName;
  /** Per lexicon group, the strongest evidence of a skill of it (licences left out): for related-skill credit. */
  final Map<String, Double> groupBest;

  private CvProfile(Map<Integer, Evidence> skills, List<Job> jobs, double years, EducationLevel education,
      Map<String, Double> terms, String semanticText, @Nullable String firstSkillGroupId,
      @Nullable String firstSkillGroupName) {
    this.skills = skills;
    this.jobs = jobs;
    this.years = years;
    this.education = education;
    this.terms = terms;
    this.semanticText = semanticText;
    this.firstSkillGroupId = firstSkillGroupId;
    this.firstSkillGroupName = firstSkillGroupName;
    Map<String, Double> best = new HashMap<>();
    Lexicon lex = Lexicon.get();
    for (Map.Entry<Integer, Evidence> e : skills.entrySet()) {
      Lexicon.SkillDef s = lex.skill(e.getKey());
      if (!s.licence()) {
        best.merge(s.group(), e.getValue().strength(), Math::max);
      }
    }
    this.groupBest = Map.copyOf(best);
  }

  /** @return the years of work experience (overlaps counted once) */
  public double years() {
    return years;
  }

  /** @return the lexicon skills the CV shows, by id */
  public Map<Integer, Evidence> skills() {
    return skills;
  }

  /** @return the CV's term vector (Lucene English terms) */
  public Map<String, Double> terms() {
    return terms;
  }

  /** @return the text an embedder reads: headline, summary, recent titles and bullets */
  public String semanticText() {
    return semanticText;
  }

  /**
   * How much a mention counts, by where it is and how long ago the item ended.
   *
   * @param yearsAgo years since the item ended (0 for current)
   * @return the factor, 0.35-1
   */
  static final double IMPLIED = 0.8;

  static double recency(double yearsAgo) {
    return Math.max(0.35, Math.min(1, 1 - 0.075 * (yearsAgo - 2)));
  }

  private static final class Acc {
    double strength;
    boolean inExperience;
    boolean inSkills;
    final Set<String> locations = new LinkedHashSet<>();
    final Set<String> jobIds = new LinkedHashSet<>();
  }

  /**
   * Builds the profile of a CV.
   *
   * @param cv the CV
   * @param now the current month
   * @return the profile
   */
  public static CvProfile of(Cv cv, YearMonth now) {
    Lexicon lex = Lexicon.get();
    Map<Integer, Acc> acc = new HashMap<>();
    Map<String, Set<Integer>> jobSkills = new HashMap<>();
    for (CvFields.Field f : CvFields.of(cv)) {
      Place place = placeOf(f);
      if (place == null) {
        continue;
      }
      YearMonth last = f.lastMonth(now);
      double rec = last == null ? (place == Place.PROJECT ? 0.85 : 1) : recency(Dates.yearsAgo(last, now));
      for (Lexicon.Hit h : lex.skills(Tokenizer.tokens(f.text()))) {
        Lexicon.SkillDef s = lex.skill(h.id());
        if (s.licence() && notHeld(f.text(), h.start(), h.end())) {
          continue; // "sitting for the CPA exam", "not a CPA", "NREMT, inactive"
        }
        double base = switch (place) {
          case JOB -> 1.0;
          case PROJECT -> 0.7;
          case VOLUNTEER -> 0.6;
          case CERTIFICATE -> s.licence() ? 1.0 : 0.6;
          case EDUCATION -> s.licence() ? 1.0 : 0.45;
          case SUMMARY -> s.licence() ? 0.9 : 0.5;
          case OTHER -> 0.4;
          case SKILLS_LIST -> s.licence() ? 0.45 : 0.3; // a licence is shown by a certificate or job title
        };
        if (s.domain().equals("general") && s.group().equals("general/languages")
            && f.kind() == CvFields.Kind.LANGUAGE) {
          base = 1.0;
        }
        double strength = base * (place == Place.SKILLS_LIST || place == Place.CERTIFICATE || s.licence() ? 1 : rec);
        Acc a = acc.computeIfAbsent(h.id(), k -> new Acc());
        a.strength = Math.max(a.strength, strength);
        a.locations.add(f.pointer());
        if (place == Place.JOB || place == Place.PROJECT || place == Place.VOLUNTEER) {
          a.inExperience = true;
        }
        if (place == Place.SKILLS_LIST) {
          a.inSkills = true;
        }
        if (place == Place.JOB && f.itemId() != null) {
          a.jobIds.add(f.itemId());
          jobSkills.computeIfAbsent(f.itemId(), k -> new LinkedHashSet<>()).add(h.id());
        }
      }
    }
    // a skill implies others (PostgreSQL shows SQL): 80% of its strength, through up to three links
    for (int round = 0; round < 3; round++) {
      boolean changed = false;
      for (Map.Entry<Integer, Acc> e : new ArrayList<>(acc.entrySet())) {
        Acc from = e.getValue();
        for (int target : lex.skill(e.getKey()).implies()) {
          Acc to = acc.computeIfAbsent(target, k -> new Acc());
          double s = from.strength * IMPLIED;
          if (s > to.strength + 1e-9) {
            to.strength = s;
            changed = true;
          }
          if (from.inExperience && !to.inExperience) {
            to.inExperience = true;
            changed = true;
          }
          changed |= to.locations.addAll(from.locations);
          changed |= to.jobIds.addAll(from.jobIds);
          for (String job : from.jobIds) {
            changed |= jobSkills.computeIfAbsent(job, k -> new LinkedHashSet<>()).add(target);
          }
        }
      }
      if (!changed) {
        break;
      }
    }
    Map<Integer, Evidence> skills = new HashMap<>();
    for (Map.Entry<Integer, Acc> e : acc.entrySet()) {
      Acc a = e.getValue();
      skills.put(e.getKey(), new Evidence(a.strength, a.inExperience, a.inSkills, List.copyOf(a.locations),
          Set.copyOf(a.jobIds)));
    }

    List<Job> jobs = new ArrayList<>();
    for (Work w : cv.work()) {
      Dates.Span span = Dates.span(w.startDate(), w.endDate(), now);
      YearMonth last = w.endDate() == null ? (w.startDate() == null ? null : now) : Dates.month(w.endDate());
      String position = w.position() == null ? "" : w.position();
      jobs.add(new Job(w.id(), position, lex.roleOf(position).orElse(null), span == null ? 0 : span.months(),
          last == null ? 0.7 : recency(Dates.yearsAgo(last, now)),
          Set.copyOf(jobSkills.getOrDefault(w.id(), Set.of()))));
    }

    EducationLevel edu = EducationLevel.NONE;
    for (Education e : cv.education()) {
      String text = (e.studyType() == null ? "" : e.studyType()) + " " + (e.area() == null ? "" : e.area());
      EducationLevel l = PostingParser.highestEducation(text);
      if (l.compareTo(edu) > 0) {
        edu = l;
      }
    }
    for (var c : cv.certificates()) {
      if (c.name() != null && edu.compareTo(EducationLevel.ASSOCIATE) < 0
          && PostingParser.highestEducation(c.name()).compareTo(EducationLevel.NONE) > 0) {
        edu = EducationLevel.ASSOCIATE;
      }
    }

    // the words of the CV a recruiter reads for fit: headline, summary, recent titles and bullets
    StringBuilder text = new StringBuilder();
    append(text, cv.basics().label());
    append(text, cv.basics().summary());
    int bullets = 0;
    for (Work w : cv.work()) {
      YearMonth last = w.endDate() == null ? now : Dates.month(w.endDate());
      if (last != null && Dates.yearsAgo(last, now) > 10) {
        continue;
      }
      append(text, w.position());
      append(text, w.summary());
      for (String h : w.highlights()) {
        if (bullets++ < 24) {
          append(text, h);
        }
      }
    }
    for (var p : cv.projects()) {
      append(text, p.name());
      append(text, p.description());
    }
    for (var e : cv.education()) {
      append(text, e.area());
    }
    Map<String, Double> terms = termVector(text.toString());
    String semantic = text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    var first = cv.skills().isEmpty() ? null : cv.skills().get(0);
    return new CvProfile(Map.copyOf(skills), List.copyOf(jobs), CvFields.experienceMonths(cv, now) / 12.0, edu,
        terms, semantic.strip(), first == null ? null : first.id(),
        first == null ? null : first.name());
  }

  private static final Pattern NOT_HELD_BEFORE = Pattern.compile(
      "(?i)\\b(not an?|no|non|without|sitting for|sit for|studying for|pursuing|working toward|working towards|"
          + "preparing for|candidate for|eligible for|applying for|in progress|expected|seeking|under|supervised by|"
          + "reporting to|assisted|assisting|supporting|supported)\\b[^.;,]{0,20}$");
  private static final Pattern NOT_HELD_AFTER = Pattern.compile(
      "(?i)^[^.;]{0,20}\\b(exam|candidate|eligible|in progress|expected|pending|inactive|expired|lapsed|"
          + "student|track)\\b");

  /** Whether the text says the person does not (yet) hold a licence it names. */
  static boolean notHeld(String text, int start, int end) {
    String before = text.substring(Math.max(0, start - 40), start);
    String after = text.substring(end, Math.min(text.length(), end + 30));
    return NOT_HELD_BEFORE.matcher(before).find() || NOT_HELD_AFTER.matcher(after).find()
        || after.startsWith("-eligible");
  }

  private static void append(StringBuilder sb, @Nullable String s) {
    if (s != null && !s.isBlank()) {
      sb.append(s.strip()).append(s.strip().endsWith(".") ? "\n" : ".\n");
    }
  }

  /**
   * A log-weighted, L2-normalised vector of Lucene English terms (stemmed, stop words removed).
   *
   * @param text the text
   * @return term to weight
   */
  static Map<String, Double> termVector(String text) {
    Map<String, Double> tf = new HashMap<>();
    for (String t : TextTools.terms(text)) {
      if (t.length() > 1 && !Character.isDigit(t.charAt(0))) {
        tf.merge(t, 1.0, Double::sum);
      }
    }
    double norm = 0;
    for (Map.Entry<String, Double> e : tf.entrySet()) {
      double w = 1 + Math.log(e.getValue());
      e.setValue(w);
      norm += w * w;
    }
    double n = Math.sqrt(norm);
    if (n > 0) {
      tf.replaceAll((k, v) -> v / n);
    }
    return tf;
  }

  static double cosine(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double dot = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      Double o = large.get(e.getKey());
      if (o != null) {
        dot += e.getValue() * o;
      }
    }
    return dot;
  }

  private static @Nullable Place placeOf(CvFields.Field f) {
    String p = f.pointer();
    return switch (f.kind()) {
      case POSITION, JOB_SUMMARY -> Place.JOB;
      case HIGHLIGHT -> p.startsWith("/work/") ? Place.JOB : p.startsWith("/projects/") ? Place.PROJECT
          : Place.VOLUNTEER;
      case PROJECT_NAME, PROJECT_TEXT, PROJECT_KEYWORD -> Place.PROJECT;
      case VOLUNTEER_ROLE, VOLUNTEER_TEXT -> Place.VOLUNTEER;
      case CERTIFICATE -> Place.CERTIFICATE;
      case EDUCATION, COURSE -> Place.EDUCATION;
      case SUMMARY, LABEL -> Place.SUMMARY;
      case SKILL_KEYWORD, SKILL_GROUP -> Place.SKILLS_LIST;
      case AWARD, PUBLICATION, CUSTOM_TEXT, LANGUAGE -> Place.OTHER;
      default -> null;
    };
  }
}
