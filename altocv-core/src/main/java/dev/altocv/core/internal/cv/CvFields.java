package dev.altocv.core.internal.cv;

import dev.altocv.core.model.Certificate;
import dev.altocv.core.model.CustomItem;
import dev.altocv.core.model.CustomSection;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Education;
import dev.altocv.core.model.Project;
import dev.altocv.core.model.Skill;
import dev.altocv.core.model.Volunteer;
import dev.altocv.core.model.Work;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Every text of a CV as a field with its kind, its pointer (AltoCV syntax) and the dates of its item. */
public final class CvFields {
  private CvFields() {}

  /** What a field is. */
  public enum Kind {
    NAME, LABEL, EMAIL, PHONE, URL, LOCATION, PROFILE, SUMMARY,
    POSITION, EMPLOYER, JOB_SUMMARY, HIGHLIGHT,
    VOLUNTEER_ROLE, VOLUNTEER_TEXT,
    PROJECT_NAME, PROJECT_TEXT, PROJECT_KEYWORD,
    EDUCATION, COURSE,
    SKILL_GROUP, SKILL_KEYWORD,
    CERTIFICATE, AWARD, PUBLICATION, LANGUAGE, INTEREST, REFERENCE,
    CUSTOM_TITLE, CUSTOM_TEXT;

    /** @return whether this is a bullet (work, project or volunteer highlight, or custom item bullet) */
    public boolean isBullet() {
      return this == HIGHLIGHT;
    }
  }

  /**
   * A text field.
   *
   * @param kind what it is
   * @param pointer where it is, e.g. {@code /work/[id=w2]/highlights/0}
   * @param text the text
   * @param start the start of its item, or null
   * @param end the end of its item (null with a start = current), or null
   * @param itemId the id of its item, or null
   */
  public record Field(Kind kind, String pointer, String text, @Nullable String start, @Nullable String end,
      @Nullable String itemId) {
    /**
     * The last month the item ran: its end, or now when current, or null without dates.
     *
     * @param now the current month
     * @return the month or null
     */
    public @Nullable YearMonth lastMonth(YearMonth now) {
      if (end != null) {
        return Dates.month(end);
      }
      return start != null ? now : null;
    }
  }

  /**
   * The fields of a CV, in document order; blank texts are left out.
   *
   * @param cv the CV
   * @return the fields
   */
  public static List<Field> of(Cv cv) {
    List<Field> out = new ArrayList<>();
    var b = cv.basics();
    add(out, Kind.NAME, "/basics/name", b.name(), null, null, null);
    add(out, Kind.LABEL, "/basics/label", b.label(), null, null, null);
    add(out, Kind.EMAIL, "/basics/email", b.email(), null, null, null);
    add(out, Kind.PHONE, "/basics/phone", b.phone(), null, null, null);
    add(out, Kind.URL, "/basics/url", b.url(), null, null, null);
    add(out, Kind.LOCATION, "/basics/location/city", b.location().city(), null, null, null);
    add(out, Kind.LOCATION, "/basics/location/region", b.location().region(), null, null, null);
    add(out, Kind.LOCATION, "/basics/location/address", b.location().address(), null, null, null);
    for (var p : b.profiles()) {
      String at = "/basics/profiles/[id=" + p.id() + "]";
      add(out, Kind.PROFILE, at + "/network", p.network(), null, null, p.id());
      add(out, Kind.PROFILE, at + "/username", p.username(), null, null, p.id());
      add(out, Kind.PROFILE, at + "/url", p.url(), null, null, p.id());
    }
    add(out, Kind.SUMMARY, "/basics/summary", b.summary(), null, null, null);
    for (Work w : cv.work()) {
      String at = "/work/[id=" + w.id() + "]";
      add(out, Kind.POSITION, at + "/position", w.position(), w.startDate(), w.endDate(), w.id());
      add(out, Kind.EMPLOYER, at + "/name", w.name(), w.startDate(), w.endDate(), w.id());
      add(out, Kind.JOB_SUMMARY, at + "/summary", w.summary(), w.startDate(), w.endDate(), w.id());
      for (int i = 0; i < w.highlights().size(); i++) {
        add(out, Kind.HIGHLIGHT, at + "/highlights/" + i, w.highlights().get(i), w.startDate(), w.endDate(), w.id());
      }
    }
    for (Volunteer v : cv.volunteer()) {
      String at = "/volunteer/[id=" + v.id() + "]";
      add(out, Kind.VOLUNTEER_ROLE, at + "/position", v.position(), v.startDate(), v.endDate(), v.id());
      add(out, Kind.VOLUNTEER_TEXT, at + "/summary", v.summary(), v.startDate(), v.endDate(), v.id());
      for (int i = 0; i < v.highlights().size(); i++) {
        add(out, Kind.HIGHLIGHT, at + "/highlights/" + i, v.highlights().get(i), v.startDate(), v.endDate(), v.id());
      }
    }
    for (Project p : cv.projects()) {
      String at = "/projects/[id=" + p.id() + "]";
      add(out, Kind.PROJECT_NAME, at + "/name", p.name(), p.startDate(), p.endDate(), p.id());
      add(out, Kind.PROJECT_TEXT, at + "/description", p.description(), p.startDate(), p.endDate(), p.id());
      for (int i = 0; i < p.highlights().size(); i++) {
        add(out, Kind.HIGHLIGHT, at + "/highlights/" + i, p.highlights().get(i), p.startDate(), p.endDate(), p.id());
      }
      for (int i = 0; i < p.keywords().size(); i++) {
        add(out, Kind.PROJECT_KEYWORD, at + "/keywords/" + i, p.keywords().get(i), p.startDate(), p.endDate(), p.id());
      }
    }
    for (Education e : cv.education()) {
      String at = "/education/[id=" + e.id() + "]";
      add(out, Kind.EDUCATION, at + "/studyType", e.studyType(), e.startDate(), e.endDate(), e.id());
      add(out, Kind.EDUCATION, at + "/area", e.area(), e.startDate(), e.endDate(), e.id());
      add(out, Kind.EDUCATION, at + "/institution", e.institution(), e.startDate(), e.endDate(), e.id());
      for (int i = 0; i < e.courses().size(); i++) {
        add(out, Kind.COURSE, at + "/courses/" + i, e.courses().get(i), e.startDate(), e.endDate(), e.id());
      }
    }
    for (Skill s : cv.skills()) {
      String at = "/skills/[id=" + s.id() + "]";
      add(out, Kind.SKILL_GROUP, at + "/name", s.name(), null, null, s.id());
      for (int i = 0; i < s.keywords().size(); i++) {
        add(out, Kind.SKILL_KEYWORD, at + "/keywords/" + i, s.keywords().get(i), null, null, s.id());
      }
    }
    for (Certificate c : cv.certificates()) {
      add(out, Kind.CERTIFICATE, "/certificates/[id=" + c.id() + "]/name", c.name(), c.date(), c.date(), c.id());
    }
    for (var a : cv.awards()) {
      add(out, Kind.AWARD, "/awards/[id=" + a.id() + "]/title", a.title(), a.date(), a.date(), a.id());
      add(out, Kind.AWARD, "/awards/[id=" + a.id() + "]/summary", a.summary(), a.date(), a.date(), a.id());
    }
    for (var p : cv.publications()) {
      add(out, Kind.PUBLICATION, "/publications/[id=" + p.id() + "]/name", p.name(), p.releaseDate(),
          p.releaseDate(), p.id());
    }
    for (var l : cv.languages()) {
      add(out, Kind.LANGUAGE, "/languages/[id=" + l.id() + "]/language", l.language(), null, null, l.id());
    }
    for (var i : cv.interests()) {
      add(out, Kind.INTEREST, "/interests/[id=" + i.id() + "]/name", i.name(), null, null, i.id());
    }
    for (var r : cv.references()) {
      add(out, Kind.REFERENCE, "/references/[id=" + r.id() + "]/reference", r.reference(), null, null, r.id());
    }
    for (CustomSection s : cv.altocv().customSections()) {
      String at = "/altocv/customSections/[id=" + s.id() + "]";
      add(out, Kind.CUSTOM_TITLE, at + "/title", s.title(), null, null, s.id());
      for (CustomItem ci : s.items()) {
        String it = at + "/items/[id=" + ci.id() + "]";
        add(out, Kind.CUSTOM_TEXT, it + "/title", ci.title(), ci.startDate(), ci.endDate(), ci.id());
        add(out, Kind.CUSTOM_TEXT, it + "/subtitle", ci.subtitle(), ci.startDate(), ci.endDate(), ci.id());
        add(out, Kind.CUSTOM_TEXT, it + "/summary", ci.summary(), ci.startDate(), ci.endDate(), ci.id());
        for (int i = 0; i < ci.highlights().size(); i++) {
          add(out, Kind.CUSTOM_TEXT, it + "/highlights/" + i, ci.highlights().get(i), ci.startDate(), ci.endDate(),
              ci.id());
        }
      }
    }
    return out;
  }

  private static void add(List<Field> out, Kind kind, String pointer, @Nullable String text, @Nullable String start,
      @Nullable String end, @Nullable String id) {
    if (text != null && !text.isBlank()) {
      out.add(new Field(kind, pointer, text, start, end, id));
    }
  }

  /**
   * The months of work experience: jobs with a readable start, overlaps counted once.
   *
   * @param cv the CV
   * @param now the current month
   * @return months
   */
  public static int experienceMonths(Cv cv, YearMonth now) {
    List<Dates.Span> spans = new ArrayList<>();
    for (Work w : cv.work()) {
      Dates.Span s = Dates.span(w.startDate(), w.endDate(), now);
      if (s != null) {
        spans.add(s);
      }
    }
    return Dates.coveredMonths(spans);
  }

  /**
   * The words of a CV's text (fields other than contact details), counted as whitespace-separated runs.
   *
   * @param fields the fields
   * @return the word count
   */
  public static int words(List<Field> fields) {
    int n = 0;
    for (Field f : fields) {
      String t = f.text().strip();
      if (t.isEmpty()) {
        continue;
      }
      n += t.split("\\s+").length;
    }
    return n;
  }
}
