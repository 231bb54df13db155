package dev.altocv.core.internal.ats;

import static dev.altocv.core.ats.Category.CONTACT;
import static dev.altocv.core.ats.Category.CONTENT;
import static dev.altocv.core.ats.Category.LENGTH;
import static dev.altocv.core.ats.Category.PARSEABILITY;
import static dev.altocv.core.ats.Category.STRUCTURE;
import static dev.altocv.core.ats.Severity.ERROR;
import static dev.altocv.core.ats.Severity.INFO;
import static dev.altocv.core.ats.Severity.WARNING;

import dev.altocv.core.ats.AtsRule;
import dev.altocv.core.ats.Category;
import dev.altocv.core.internal.cv.CvFields;
import dev.altocv.core.internal.cv.Dates;
import dev.altocv.core.internal.text.Lexicon;
import dev.altocv.core.model.CustomSection;
import dev.altocv.core.model.Layout;
import dev.altocv.core.model.Profile;
import dev.altocv.core.model.Work;
import dev.altocv.core.patch.Patch;
import dev.altocv.core.patch.PatchOp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The rules, in report order. Weights add up to 100. */
final class Rules {
  private Rules() {}

  private record Simple(AtsRule rule, boolean englishOnly, BiConsumer<Ctx, Check.Outcome> body) implements Check {
    @Override
    public boolean appliesTo(Ctx ctx) {
      return !englishOnly || ctx.english();
    }

    @Override
    public void run(Ctx ctx, Outcome out) {
      body.accept(ctx, out);
    }
  }

  private static Check rule(String id, Category c, int weight, String description,
      BiConsumer<Ctx, Check.Outcome> body) {
    return new Simple(new AtsRule(id, c, weight, description), false, body);
  }

  private static Check english(String id, Category c, int weight, String description,
      BiConsumer<Ctx, Check.Outcome> body) {
    return new Simple(new AtsRule(id, c, weight, description), true, body);
  }

  static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Pattern NUMBER_WORDS = Pattern.compile(
      "(?i)\\b(doubled|tripled|halved|quadrupled|twice|dozens|hundreds|thousands|millions|first|top)\\b");

  static final List<Check> ALL = List.of(
      // ---- contact (15)
      rule("contact.name", CONTACT, 2, "The CV names the person (basics.name).", (ctx, out) -> {
        out.passedPointer = "/basics/name";
        if (blank(ctx.cv.basics().name())) {
          out.pass(0);
          out.add(ERROR, "Add your full name: an ATS files the application under it.", "/basics/name", null, null);
        }
      }),
      rule("contact.email", CONTACT, 5, "A well-formed e-mail address.", (ctx, out) -> {
        out.passedPointer = "/basics/email";
        String email = ctx.cv.basics().email();
        if (blank(email)) {
          out.pass(0);
          out.add(ERROR, "Add an e-mail address: it is how a recruiter replies.", "/basics/email", null, null);
          return;
        }
        if (!EMAIL.matcher(email).matches()) {
          out.pass(0);
          String cleaned = email.strip().replaceFirst("(?i)^mailto:", "").replaceAll("\\s+", "");
          Patch fix = EMAIL.matcher(cleaned).matches() && !cleaned.equals(email)
              ? Patch.of(PatchOp.test("/basics/email", email), PatchOp.replace("/basics/email", cleaned)) : null;
          out.add(ERROR, "The e-mail address is malformed; an ATS may not recognise it.", "/basics/email", email,
              fix);
        }
      }),
      rule("contact.phone", CONTACT, 3, "A phone number with at least 7 digits.", (ctx, out) -> {
        out.passedPointer = "/basics/phone";
        String phone = ctx.cv.basics().phone();
        if (blank(phone)) {
          out.pass(0);
          out.add(WARNING, "Add a phone number: many recruiters call before they write.", "/basics/phone", null,
              null);
          return;
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        if (digits < 7) {
          out.pass(0);
          out.add(WARNING, "The phone number has " + digits + " digits; a reachable number has at least 7.",
              "/basics/phone", phone, null);
        }
      }),
      rule("contact.location", CONTACT, 3, "A city, region or country: recruiters filter by location.",
          (ctx, out) -> {
            out.passedPointer = "/basics/location";
            var l = ctx.cv.basics().location();
            if (blank(l.city()) && blank(l.region()) && blank(l.countryCode()) && blank(l.address())) {
              out.pass(0);
              out.add(WARNING, "Add your city and country: recruiters and ATS searches filter candidates by "
                  + "location.", "/basics/location", null, null);
            }
          }),
      rule("contact.profile-link", CONTACT, 2, "A profile link (LinkedIn, GitHub, portfolio) or a website.",
          (ctx, out) -> {
            out.passedPointer = "/basics/profiles";
            boolean link = false;
            String site = ctx.cv.basics().url();
            if (!blank(site)) {
              if (webAddress(site)) {
                link = true;
              } else {
                out.add(WARNING, "The website '" + site + "' is not a web address a reader can open (like "
                    + "https://ada.dev or ada.dev).", "/basics/url", site, null);
              }
            }
            for (Profile p : ctx.cv.basics().profiles()) {
              if (!blank(p.url())) {
                if (webAddress(p.url())) {
                  link = true;
                } else {
                  out.add(WARNING, "The " + (blank(p.network()) ? "profile" : p.network() + " profile") + " link '"
                      + p.url() + "' is not a web address a reader can open (like https://github.com/ada).",
                      "/basics/profiles/[id=" + p.id() + "]/url", p.url(), null);
                }
              } else if (!blank(p.network()) && blank(p.username())) {
                out.add(WARNING, "The " + p.network() + " profile has neither a URL nor a user name.",
                    "/basics/profiles/[id=" + p.id() + "]", p.network(), null);
              } else if (!blank(p.username())) {
                link = true;
              }
            }
            if (!link) {
              out.pass(0);
              if (out.drafts.isEmpty()) {
                out.add(INFO, "Add a LinkedIn profile, portfolio or website link; recruiters look you up.",
                    "/basics/profiles", null, null);
              }
            }
          }),

      // ---- structure (33)
      rule("structure.summary", STRUCTURE, 4, "A summary of 15-120 words at the top.", (ctx, out) -> {
        out.passedPointer = "/basics/summary";
        String s = ctx.cv.basics().summary();
        if (blank(s)) {
          out.pass(0);
          out.add(WARNING, "Add a 2-4 sentence summary: what you do, for whom, and your strongest results.",
              "/basics/summary", null, null);
          return;
        }
        int words = s.strip().split("\\s+").length;
        if (words < 15) {
          out.pass(0.5);
          out.add(INFO, "The summary has " + words + " words; 2-4 sentences (30-80 words) tell a recruiter more.",
              "/basics/summary", s, null);
        } else if (words > 120) {
          out.pass(0.6);
          out.add(WARNING, "The summary has " + words + " words; recruiters skim. Keep it under 100 words.",
              "/basics/summary", words + " words", null);
        }
      }),
      rule("structure.experience", STRUCTURE, 7, "Work experience present; every job has a title and a "
          + "description or bullets.", (ctx, out) -> {
        out.passedPointer = "/work";
        if (ctx.cv.work().isEmpty()) {
          boolean other = !ctx.cv.projects().isEmpty() || !ctx.cv.volunteer().isEmpty();
          out.pass(other ? 0.5 : 0);
          out.add(other ? WARNING : ERROR, other
              ? "There is no work experience; projects and volunteering count, but add internships, placements "
                  + "or part-time jobs if you have them."
              : "Add your work experience: it is the section recruiters read first.", "/work", null, null);
          return;
        }
        int bad = 0;
        for (Work w : ctx.cv.work()) {
          String at = "/work/[id=" + w.id() + "]";
          if (blank(w.position())) {
            bad++;
            out.add(ERROR, "Job " + describe(w) + " has no title; an ATS matches candidates by job titles.",
                at + "/position", null, null);
          } else if (w.highlights().isEmpty() && blank(w.summary())) {
            bad++;
            out.add(WARNING, "Job " + describe(w) + " has no description or bullets; say what you achieved.",
                at + "/highlights", null, null);
          }
        }
        out.pass(1 - (double) bad / ctx.cv.work().size());
      }),
      rule("structure.education", STRUCTURE, 4, "Education present, each entry naming its institution.",
          (ctx, out) -> {
            out.passedPointer = "/education";
            if (ctx.cv.education().isEmpty()) {
              out.pass(0);
              out.add(WARNING, "Add your education (degree, school, year); many ATS filters require it.",
                  "/education", null, null);
              return;
            }
            int bad = 0;
            for (var e : ctx.cv.education()) {
              if (blank(e.institution()) || (blank(e.studyType()) && blank(e.area()))) {
                bad++;
                out.add(WARNING, "An education entry lacks its " + (blank(e.institution()) ? "institution"
                    : "degree or field") + ".", "/education/[id=" + e.id() + "]", e.institution(), null);
              }
            }
            out.pass(1 - (double) bad / ctx.cv.education().size());
          }),
      rule("structure.skills", STRUCTURE, 4, "A skills section with at least 5 skills.", (ctx, out) -> {
        out.passedPointer = "/skills";
        int n = ctx.cv.skills().stream().mapToInt(s -> s.keywords().isEmpty() && !blank(s.name()) ? 1
            : s.keywords().size()).sum();
        if (n == 0) {
          out.pass(0);
          out.add(WARNING, "Add a skills section: ATS searches match its words exactly.", "/skills", null, null);
        } else if (n < 5) {
          out.pass(0.5);
          out.add(INFO, "The skills section lists " + n + " skill" + (n == 1 ? "" : "s")
              + "; list the tools, methods and certifications you use (8-20).", "/skills", null, null);
        }
      }),
      rule("structure.newest-first", STRUCTURE, 4, "Jobs in reverse-chronological order (newest first).",
          (ctx, out) -> {
            out.passedPointer = "/work";
            List<Work> jobs = ctx.cv.work();
            List<Work> sorted = new ArrayList<>(jobs);
            sorted.sort(Rules.NEWEST_FIRST);
            if (jobs.size() < 2) {
              out.notApplicable("fewer than two jobs");
              return;
            }
            boolean dated = jobs.stream().allMatch(w -> Dates.month(w.startDate()) != null);
            if (!dated || sorted.equals(jobs)) {
              return;
            }
            out.pass(0);
            List<PatchOp> ops = new ArrayList<>();
            List<Work> cur = new ArrayList<>(jobs);
            for (int k = 0; k < sorted.size(); k++) {
              Work want = sorted.get(k);
              if (cur.get(k) != want) {
                ops.add(PatchOp.move("/work/[id=" + want.id() + "]", "/work/" + k));
                cur.remove(want);
                cur.add(k, want);
              }
            }
            out.add(WARNING, "Jobs are not newest first; ATS and recruiters read the first job as your current "
                + "one.", "/work", order(jobs), new Patch(ops));
          }),
      rule("structure.start-dates", STRUCTURE, 3, "Every job has a start date.", (ctx, out) -> {
        out.passedPointer = "/work";
        if (ctx.cv.work().isEmpty()) {
          out.notApplicable("no jobs");
          return;
        }
        int missing = 0;
        for (Work w : ctx.cv.work()) {
          if (Dates.month(w.startDate()) == null) {
            missing++;
            out.add(ERROR, "Job " + describe(w) + " has no start date; an ATS cannot count your years of "
                + "experience without it.", "/work/[id=" + w.id() + "]/startDate", null, null);
          }
        }
        if (!ctx.cv.work().isEmpty()) {
          out.pass(1 - (double) missing / ctx.cv.work().size());
        }
      }),
      rule("structure.date-format", STRUCTURE, 3, "One date precision throughout (all month-year, or all year).",
          Rules::dateFormat),
      rule("structure.date-order", STRUCTURE, 2, "No end date before its start, no start in the future.",
          (ctx, out) -> {
            out.passedPointer = "/work";
            if (ctx.cv.work().isEmpty()) {
              out.notApplicable("no jobs");
              return;
            }
            int bad = 0;
            for (Work w : ctx.cv.work()) {
              YearMonth s = Dates.month(w.startDate());
              YearMonth e = Dates.month(w.endDate());
              String at = "/work/[id=" + w.id() + "]";
              if (s != null && e != null && e.isBefore(s)) {
                bad++;
                out.add(ERROR, "Job " + describe(w) + " ends before it starts.", at + "/endDate",
                    w.startDate() + " to " + w.endDate(), null);
              } else if (s != null && s.isAfter(ctx.now)) {
                bad++;
                out.add(WARNING, "Job " + describe(w) + " starts in the future.", at + "/startDate", w.startDate(),
                    null);
              }
            }
            out.pass(1 - Math.min(1, bad / 2.0));
          }),
      rule("structure.section-order", STRUCTURE, 2, "Sections in the order recruiters expect: with 3+ years of "
          + "experience, work before education.", Rules::sectionOrder),
      rule("structure.gaps", STRUCTURE, 0, "Gaps of more than a year between jobs (information only: explain "
          + "them if you wish; they cost no points).", Rules::gaps),

      // ---- content (31)
      english("content.action-verbs", CONTENT, 6, "Bullets open with an action verb (led, built, reduced...); the "
          + "rule loses 1.5 times the share of bullets that do not (a third of them loses it all).", Rules::actionVerbs),
      rule("content.measurable-results", CONTENT, 7, "At least half of the bullets carry a measurable result "
          + "(a number, percentage or amount).", Rules::measurable),
      rule("content.bullet-length", CONTENT, 4, "Bullets of 5-40 words: a line or two each.", (ctx, out) -> {
        out.passedPointer = "/work";
        List<CvFields.Field> bullets = ctx.bullets();
        if (bullets.isEmpty()) {
          out.notApplicable("no bullets");
          return;
        }
        int bad = 0;
        for (CvFields.Field b : bullets) {
          int words = b.text().strip().split("\\s+").length;
          if (words < 5) {
            bad++;
            out.add(INFO, "This bullet has " + words + " word" + (words == 1 ? "" : "s")
                + "; say what you did and what came of it.", b.pointer(), b.text(), null);
          } else if (words > 40) {
            bad++;
            out.add(WARNING, "This bullet has " + words + " words; split it or cut it to two lines.", b.pointer(),
                abbreviate(b.text()), null);
          }
        }
        out.pass(1 - bad / 3.0);
      }),
      english("content.pronouns", CONTENT, 4, "No first-person pronouns (I, me, my): CVs are written without them.",
          Rules::pronouns),
      english("content.buzzwords", CONTENT, 3, "No clichés (team player, results-driven, think outside the box...).",
          Rules::buzzwords),
      rule("content.duplicates", CONTENT, 4, "No bullet or skill repeated.", Rules::duplicates),
      rule("content.all-caps", CONTENT, 3, "No text in capitals (it reads as shouting and some ATS mangle it).",
          Rules::allCaps),

      // ---- length (11)
      rule("length.words", LENGTH, 6, "Words against experience: under 2 years 150-600, 2-7 years 250-900, "
          + "8-15 years 350-1100, over 15 years 400-1300.", (ctx, out) -> {
        out.passedPointer = "";
        int[] range = wordRange(ctx.years);
        if (ctx.words < range[0]) {
          out.pass((double) ctx.words / range[0]);
          out.add(WARNING, "The CV has " + ctx.words + " words; with " + yearsText(ctx.years) + " of experience "
              + range[0] + "-" + range[1] + " words show enough of what you did.", "", ctx.words + " words", null);
        } else if (ctx.words > range[1]) {
          out.pass(1 - (double) (ctx.words - range[1]) / range[1]);
          out.add(WARNING, "The CV has " + ctx.words + " words; with " + yearsText(ctx.years) + " of experience "
              + "aim for at most " + range[1] + ". Cut older jobs to their best bullets.", "", ctx.words + " words",
              null);
        }
      }),
      rule("length.pages", LENGTH, 5, "Estimated pages: 1 under 2 years of experience, at most 2 up to 15 years, "
          + "at most 3 beyond.", (ctx, out) -> {
        out.passedPointer = "";
        if (ctx.words < wordRange(ctx.years)[0]) {
          out.notApplicable("the CV is shorter than a page; length.words covers short CVs");
          return;
        }
        double pages = pages(ctx);
        int max = ctx.years < 2 ? 1 : ctx.years <= 15 ? 2 : 3;
        if (pages > max + 0.25) {
          out.pass(1 - (pages - max) / max);
          out.add(WARNING, String.format(Locale.ROOT, "The CV runs to about %.1f pages; with %s of experience keep "
              + "it to %d.", pages, yearsText(ctx.years), max), "", String.format(Locale.ROOT, "%.1f pages", pages),
              null);
        }
      }),

      // ---- parseability (10)
      rule("parseability.section-names", PARSEABILITY, 4, "Custom sections use titles an ATS recognises.",
          Rules::sectionNames),
      rule("parseability.icons", PARSEABILITY, 6, "No icons or emoji in headings, job titles or contact fields: "
          + "an ATS drops them or misreads the field.", Rules::icons));

  /** Informs that English-only checks were skipped (weight 0). */
  static final AtsRule LANGUAGE_RULE = new AtsRule("content.language", CONTENT, 0,
      "The CV's language; the checks of wording (action verbs, pronouns, clichés) cover "
          + "English only and are skipped for other languages.");

  // ---------------------------------------------------------------- helpers

  /** An optional http(s) scheme, a host name with a dot (a port allowed), then anything without spaces. */
  private static final Pattern WEB_ADDRESS = Pattern.compile(
      "(?i)(https?://)?(www\\.)?[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}(:\\d{1,5})?([/?#]\\S*)?");

  /** Whether a link is a web address a person or a parser can open (with or without https://). */
  static boolean webAddress(String link) {
    return WEB_ADDRESS.matcher(link.strip()).matches();
  }

  static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  private static String describe(Work w) {
    String what = !blank(w.position()) ? "'" + w.position() + "'" : w.id();
    return blank(w.name()) ? what : what + " at " + w.name();
  }

  /** Current jobs first, then by end month, then by start month, newest first. */
  static final Comparator<Work> NEWEST_FIRST = Comparator
      .comparing((Work w) -> w.endDate() == null ? 0 : 1)
      .thenComparing((Work w) -> Dates.month(w.endDate()), Comparator.nullsFirst(Comparator.reverseOrder()))
      .thenComparing((Work w) -> Dates.month(w.startDate()), Comparator.nullsLast(Comparator.reverseOrder()));

  private static String order(List<Work> jobs) {
    StringBuilder sb = new StringBuilder();
    for (Work w : jobs) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(blank(w.position()) ? w.id() : w.position()).append(" (").append(w.startDate())
          .append(w.endDate() == null ? "-now" : "-" + w.endDate()).append(")");
    }
    return sb.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 160 ? s : s.substring(0, 157) + "...";
  }

  private static String yearsText(double years) {
    long y = Math.round(years);
    return y == 0 ? "less than a year" : y == 1 ? "1 year" : y + " years";
  }

  static int[] wordRange(double years) {
    if (years < 2) {
      return new int[] {150, 600};
    }
    if (years <= 7) {
      return new int[] {250, 900};
    }
    if (years <= 15) {
      return new int[] {350, 1100};
    }
    return new int[] {400, 1300};
  }

  /** About 500 words a page of 10-11 pt text, plus a line for every heading and item. */
  static double pages(Ctx ctx) {
    double lines = ctx.words / 11.0 + ctx.entries() * 1.5 + 10;
    return Math.round(lines / 48.0 * 10) / 10.0;
  }

  // ---------------------------------------------------------------- rule bodies

  private record DateRef(String pointer, String value) {}

  private static void dateFormat(Ctx ctx, Check.Outcome out) {
    out.passedPointer = "/work";
    List<DateRef> dates = new ArrayList<>();
    for (Work w : ctx.cv.work()) {
      addDate(dates, "/work/[id=" + w.id() + "]/startDate", w.startDate());
      addDate(dates, "/work/[id=" + w.id() + "]/endDate", w.endDate());
    }
    for (var e : ctx.cv.education()) {
      addDate(dates, "/education/[id=" + e.id() + "]/startDate", e.startDate());
      addDate(dates, "/education/[id=" + e.id() + "]/endDate", e.endDate());
    }
    for (var v : ctx.cv.volunteer()) {
      addDate(dates, "/volunteer/[id=" + v.id() + "]/startDate", v.startDate());
      addDate(dates, "/volunteer/[id=" + v.id() + "]/endDate", v.endDate());
    }
    for (var p : ctx.cv.projects()) {
      addDate(dates, "/projects/[id=" + p.id() + "]/startDate", p.startDate());
      addDate(dates, "/projects/[id=" + p.id() + "]/endDate", p.endDate());
    }
    if (dates.size() < 2) {
      out.notApplicable("fewer than two dates");
      return;
    }
    Map<Integer, Integer> byPrecision = new LinkedHashMap<>();
    for (DateRef d : dates) {
      byPrecision.merge(Dates.precision(d.value()), 1, Integer::sum);
    }
    if (byPrecision.size() <= 1) {
      return;
    }
    int major = byPrecision.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
    // consistency is the point: each date in another format costs half the rule
    out.pass(1 - 0.5 * (dates.size() - byPrecision.get(major)));
    String name = major == 4 ? "year" : major == 7 ? "year and month" : "full date";
    List<PatchOp> ops = new ArrayList<>();
    List<String> odd = new ArrayList<>();
    boolean fixable = true;
    for (DateRef d : dates) {
      int p = Dates.precision(d.value());
      if (p == major) {
        continue;
      }
      odd.add(d.value());
      if (p > major) {
        ops.add(PatchOp.test(d.pointer(), d.value()));
        ops.add(PatchOp.replace(d.pointer(), d.value().substring(0, major)));
      } else {
        fixable = false;
      }
    }
    String message = "Dates mix formats; most are " + name + " (" + (major == 7 ? "2021-06" : major == 4 ? "2021"
        : "2021-06-15") + "). " + (fixable ? "The fix shortens the others to match."
        : "Add the missing months so every date reads the same way.");
    out.add(WARNING, message, dates.stream().filter(d -> Dates.precision(d.value()) != major).findFirst()
        .map(DateRef::pointer).orElse("/work"), String.join(", ", odd), fixable ? new Patch(ops) : null);
  }

  private static void addDate(List<DateRef> out, String pointer, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      out.add(new DateRef(pointer, value));
    }
  }

  private static void sectionOrder(Ctx ctx, Check.Outcome out) {
    out.passedPointer = "/altocv/design/layout/sectionOrder";
    if (ctx.cv.work().isEmpty() && ctx.cv.education().isEmpty()) {
      out.notApplicable("no work or education to order");
      return;
    }
    List<String> current = ctx.cv.altocv().design().layout().sectionOrder();
    List<String> effective = new ArrayList<>(current);
    for (String s : Layout.SECTIONS) {
      if (!effective.contains(s)) {
        effective.add(s);
      }
    }
    int work = effective.indexOf("work");
    int edu = effective.indexOf("education");
    int summary = effective.indexOf("summary");
    boolean eduFirst = ctx.years >= 3 && !ctx.cv.work().isEmpty() && !ctx.cv.education().isEmpty() && edu < work;
    boolean summaryLate = !blank(ctx.cv.basics().summary()) && summary > Math.min(work, edu);
    if (!eduFirst && !summaryLate) {
      return;
    }
    List<String> fixed = new ArrayList<>(effective);
    if (summaryLate) {
      fixed.remove("summary");
      fixed.add(0, "summary");
    }
    if (eduFirst) {
      fixed.remove("work");
      fixed.add(fixed.indexOf("education"), "work");
    }
    List<String> fixedListed = fixed.subList(0, Math.max(current.size(), Math.max(fixed.indexOf("work"),
        fixed.indexOf("education")) + 1));
    Patch fix = Patch.of(PatchOp.test("/altocv/design/layout/sectionOrder", current),
        PatchOp.replace("/altocv/design/layout/sectionOrder", new ArrayList<>(fixedListed)));
    out.pass(0);
    out.add(eduFirst ? WARNING : INFO, eduFirst
        ? "Education comes before work experience; with " + yearsText(ctx.years) + " of experience, recruiters "
            + "look for your jobs first. The fix moves work above education."
        : "The summary is not the first section; recruiters read the top third of the page first.",
        "/altocv/design/layout/sectionOrder", String.join(", ", current), fix);
  }

  private static void gaps(Ctx ctx, Check.Outcome out) {
    out.passedPointer = "/work";
    List<Dates.Span> spans = new ArrayList<>();
    Map<Dates.Span, Work> jobOf = new HashMap<>();
    for (Work w : ctx.cv.work()) {
      Dates.Span s = Dates.span(w.startDate(), w.endDate(), ctx.now);
      if (s != null) {
        spans.add(s);
        jobOf.put(s, w);
      }
    }
    spans.sort(Comparator.comparing(Dates.Span::start));
    YearMonth coveredTo = null;
    for (Dates.Span s : spans) {
      if (coveredTo != null) {
        int gap = (s.start().getYear() - coveredTo.getYear()) * 12 + s.start().getMonthValue()
            - coveredTo.getMonthValue() - 1;
        if (gap > 12) {
          Work w = jobOf.get(s);
          out.add(INFO, String.format(Locale.ROOT, "A gap of %d months (%s to %s) before %s. Recruiters may ask; a "
              + "line on what you did (study, care, travel, freelancing) answers it.", gap, coveredTo.plusMonths(1),
              s.start().minusMonths(1), describe(w)), "/work/[id=" + w.id() + "]/startDate", gap + " months", null);
        }
      }
      if (coveredTo == null || s.end().isAfter(coveredTo)) {
        coveredTo = s.end();
      }
    }
  }

  static boolean opensWithActionVerb(String bullet) {
    String first = firstWord(bullet);
    if (first.isEmpty()) {
      return false;
    }
    String w = first.toLowerCase(Locale.ROOT);
    if (Words.WEAK_VERBS.contains(w)) {
      return false;
    }
    if (Words.ACTION_VERBS.contains(w)) {
      return true;
    }
    if (w.endsWith("ed") && w.length() > 4 && !w.equals("need") && !w.equals("based") && !w.equals("red")) {
      return true;
    }
    if (w.endsWith("ied") || (w.endsWith("s") && Words.ACTION_VERBS.contains(w.substring(0, w.length() - 1)))) {
      return true;
    }
    return w.endsWith("ing") && Words.ACTION_VERBS.contains(w.substring(0, w.length() - 3));
  }

  static String firstWord(String text) {
    String s = text.strip().replaceFirst("^[^\\p{L}\\p{N}]+", "");
    int end = 0;
    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '\'')) {
      end++;
    }
    return s.substring(0, end);
  }

  private static void actionVerbs(Ctx ctx, Check.Outcome out) {
    out.passedPointer = "/work";
    List<CvFields.Field> bullets = ctx.bullets();
    if (bullets.isEmpty()) {
      out.pass(0.5);
      out.add(INFO, "There are no bullets to check; describe each job in 3-6 bullets that open with a verb.",
          "/work", null, null);
      return;
    }
    List<CvFields.Field> weak = bullets.stream().filter(b -> !opensWithActionVerb(b.text())).toList();
    double share = 1 - (double) weak.size() / bullets.size();
    out.pass(1 - 1.5 * weak.size() / bullets.size());
    if (share >= 0.8) {
      for (CvFields.Field b : weak) {
        out.add(INFO, "Open with what you did (an action verb such as led, built, reduced).", b.pointer(),
            b.text(), null);
      }
      return;
    }
    for (CvFields.Field b : weak) {
      String first = firstWord(b.text());
      out.add(WARNING, "This bullet opens with '" + first + "'; open with what you did (led, built, reduced, "
          + "trained...).", b.pointer(), abbreviate(b.text()), null);
    }
  }

  static boolean measurable(String text) {
    return DIGIT.matcher(text).find() || NUMBER_WORDS.matcher(text).find();
  }

  private static void measurable(Ctx ctx, Check.Outcome out) {
    out.passedPointer = "/work";
    List<CvFields.Field> bullets = ctx.bullets();
    if (bullets.isEmpty()) {
      out.pass(0);
      out.add(WARNING, "No bullets carry results; add what changed because of your work (numbers, percentages, "
          + "amounts).", "/work", null, null);
      return;
    }
    long withNumbers = bullets.stream().filter(b -> measurable(b.text())).count();
    double share = (double) withNumbers / bullets.size();
    out.pass(share / 0.5);
    if (share >= 0.5) {
      return;
    }
    String evidence = withNumbers + " of " + bullets.size() + " bullets carry a number";
    Map<String, List<CvFields.Field>> byItem = new LinkedHashMap<>();
    for (CvFields.Field b : bullets) {
      byItem.computeIfAbsent(b.pointer().substring(0, b.pointer().indexOf("/highlights/")), k -> new ArrayList<>())
          .add(b);
    }
    boolean any = false;
    for (Map.Entry<String, List<CvFields.Field>> e : byItem.entrySet()) {
      if (e.getValue().stream().noneMatch(b -> measurable(b.text()))) {
        any = true;
        out.add(WARNING, "None of these " + e.getValue().size() + " bullets shows a result in figures; add sizes, "
            + "percentages, amounts, time saved (" + evidence + " overall).", e.getKey() + "/highlights",
            abbreviate(e.getValue().get(0).text()), null);
      }
    }
    if (!any) {
      out.add(INFO, "Add figures to more bullets: aim for at least half.", "/work", evidence, null);
    }
  }

  private static final Pattern PRONOUN = Pattern.compile("(?i)(?<![\\p{L}'])(i|me|my|mine|myself|i'm|i've|i'd|i'll)"
      + "(?![\\p{L}'])");
  private static final Pattern LEADING_I = Pattern.compile("^(\\s*)I\\s+(\\p{L}+)(.*)$", Pattern.DOTALL);

  private static boolean noText(Ctx ctx, Check.Outcome out) {
    if (ctx.bullets().isEmpty() && blank(ctx.cv.basics().summary())
        && ctx.cv.work().stream().allMatch(w -> blank(w.summary()))) {
      out.notApplicable("no summary or bullets");
      return true;
    }
    return false;
  }

  private static void pronouns(Ctx ctx, Check.Outcome out) {
    out.passedPointer = "/work";
    if (noText(ctx, out)) {
      return;
    }
    int count = 0;
    for (CvFields.Field f : ctx.fields) {
      if (f.kind() != CvFields.Kind.SUMMARY && f.kind() != CvFields.Kind.HIGHLIGHT
          && f.kind() != CvFields.Kind.JOB_SUMMARY && f.kind() != CvFields.Kind.PROJECT_TEXT
          && f.kind() != CvFields.Kind.VOLUNTEER_TEXT) {
        continue;
      }
      var m = PRONOUN.matcher(f.text());
      if (!m.find()) {
        continue;
      }
      // "I" as a Roman numeral in a title ("Phase I") is not a pronoun when lower case words follow rarely; accept
      count++;
      Patch fix = null;
      var lead = LEADING_I.matcher(f.text());
      if (lead.matches() && opensWithActionVerb(lead.group(2)) && !PRONOUN.matcher(lead.group(3)).find()) {
        String fixed = lead.group(1) + Character.toUpperCase(lead.group(2).charAt(0)) + lead.group(2).substring(1)
            + lead.group(3);
        fix = Patch.of(PatchOp.test(f.pointer(), f.text()), PatchOp.replace(f.pointer(), fixed));
      }
      out.add(WARNING, "First-person pronoun '" + m.group(1) + "': write CV lines without I, me and my ("
          + "'Led the team', not 'I led the team').", f.pointer(), abbreviate(f.text()), fix);
    }
    out.pass(1 - count / 3.0);
  }

  private static void buzzwords(Ctx ctx, Check.Outcome out) {
    out.passedPointer = "/basics/summary";
    if (noText(ctx, out) && ctx.cv.skills().isEmpty()) {
      return;
    }
    out.notApplicable = null;
    int count = 0;
    Map<String, List<Integer>> removeBySkill = new LinkedHashMap<>();
    for (CvFields.Field f : ctx.fields) {
      if (f.kind() != CvFields.Kind.SUMMARY && f.kind() != CvFields.Kind.HIGHLIGHT
          && f.kind() != CvFields.Kind.JOB_SUMMARY && f.kind() != CvFields.Kind.LABEL
          && f.kind() != CvFields.Kind.SKILL_KEYWORD) {
        continue;
      }
      String lower = f.text().toLowerCase(Locale.ROOT);
      for (String phrase : Words.BUZZWORDS) {
        int at = lower.indexOf(phrase);
        if (at < 0 || (at > 0 && Character.isLetter(lower.charAt(at - 1)))
            || (at + phrase.length() < lower.length() && Character.isLetter(lower.charAt(at + phrase.length())))) {
          continue;
        }
        count++;
        Patch fix = null;
        if (f.kind() == CvFields.Kind.SKILL_KEYWORD && lower.strip().equals(phrase)) {
          fix = Patch.of(PatchOp.test(f.pointer(), f.text()), PatchOp.remove(f.pointer()));
        }
        out.add(WARNING, "'" + phrase + "' is a cliché recruiters skip; show it with a result instead.",
            f.pointer(), abbreviate(f.text()), fix);
        break;
      }
    }
    out.pass(1 - count / 4.0);
  }

  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static void duplicates(Ctx ctx, Check.Outcome out) {
    out.passedPointer = "/work";
    if (ctx.bullets().isEmpty() && ctx.cv.skills().isEmpty()) {
      out.notApplicable("no bullets or skills");
      return;
    }
    Map<String, CvFields.Field> seen = new HashMap<>();
    List<CvFields.Field> dups = new ArrayList<>();
    for (CvFields.Field b : ctx.bullets()) {
      String key = normalise(b.text());
      if (key.isEmpty()) {
        continue;
      }
      if (seen.putIfAbsent(key, b) != null) {
        dups.add(b);
      }
    }
    Map<String, String> seenSkills = new HashMap<>();
    List<CvFields.Field> dupSkills = new ArrayList<>();
    for (CvFields.Field k : ctx.fields(CvFields.Kind.SKILL_KEYWORD)) {
      String key = normalise(k.text());
      if (!key.isEmpty() && seenSkills.putIfAbsent(key, k.pointer()) != null) {
        dupSkills.add(k);
      }
    }
    // remove later duplicates; within one list remove higher indexes first so the others do not shift
    List<CvFields.Field> all = new ArrayList<>(dups);
    all.addAll(dupSkills);
    for (CvFields.Field d : all) {
      Patch fix = Patch.of(PatchOp.test(d.pointer(), d.text()), PatchOp.remove(d.pointer()));
      boolean skill = d.kind() == CvFields.Kind.SKILL_KEYWORD;
      String first = skill ? seenSkills.get(normalise(d.text())) : seen.get(normalise(d.text())).pointer();
      out.add(WARNING, (skill ? "This skill is listed twice" : "This bullet repeats an earlier one") + " (first at "
          + first + "); saying it once is enough.", d.pointer(), abbreviate(d.text()), fix);
    }
    out.pass(1 - all.size() / 3.0);
  }

  static boolean allCaps(String text) {
    int upper = 0;
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          upper++;
        }
      }
    }
    return letters >= 12 && upper >= 0.8 * letters && text.strip().split("\\s+").length >= 3;
  }

  static String sentenceCase(String text) {
    Lexicon lex = Lexicon.get();
    StringBuilder sb = new StringBuilder(text.length());
    boolean first = true;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        sb.append(c);
        if (c == '.' || c == '!' || c == '?') {
          first = true;
        }
        i++;
        continue;
      }
      int j = i;
      while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '+'
          || text.charAt(j) == '#')) {
        j++;
      }
      String word = text.substring(i, j);
      boolean keep = lex.isUpperCaseName(word) || word.chars().anyMatch(Character::isDigit);
      String lower = word.toLowerCase(Locale.ROOT);
      if (keep) {
        sb.append(word);
      } else if (first) {
        sb.append(Character.toUpperCase(lower.charAt(0))).append(lower, 1, lower.length());
      } else {
        sb.append(lower);
      }
      first = false;
      i = j;
    }
    return sb.toString();
  }

  private static void allCaps(Ctx ctx, Check.Outcome out) {
    out.passedPointer = "/work";
    if (noText(ctx, out)) {
      return;
    }
    int count = 0;
    for (CvFields.Field f : ctx.fields) {
      if (f.kind() == CvFields.Kind.EMAIL || f.kind() == CvFields.Kind.URL || f.kind() == CvFields.Kind.PROFILE
          || f.kind() == CvFields.Kind.PHONE || !allCaps(f.text())) {
        continue;
      }
      count++;
      String fixed = sentenceCase(f.text());
      out.add(WARNING, "This text is in capitals; write it in sentence case.", f.pointer(), abbreviate(f.text()),
          Patch.of(PatchOp.test(f.pointer(), f.text()), PatchOp.replace(f.pointer(), fixed)));
    }
    out.pass(1 - count / 3.0);
  }

  private static void sectionNames(Ctx ctx, Check.Outcome out) {
    out.passedPointer = "/altocv/customSections";
    if (ctx.cv.altocv().customSections().isEmpty()) {
      out.notApplicable("no custom sections");
      return;
    }
    int bad = 0;
    for (CustomSection s : ctx.cv.altocv().customSections()) {
      String title = s.title().strip();
      String key = normalise(title);
      if (Words.STANDARD_SECTIONS.contains(key) || Words.STANDARD_SECTIONS.contains(key.replace(" and ", " "))) {
        continue;
      }
      bad++;
      String at = "/altocv/customSections/[id=" + s.id() + "]/title";
      String rename = Words.SECTION_RENAMES.get(key);
      Patch fix = rename == null ? null : Patch.of(PatchOp.test(at, s.title()), PatchOp.replace(at, rename));
      out.add(WARNING, "An ATS does not recognise the section title '" + title + "'; use a standard one"
          + (rename != null ? " such as '" + rename + "'." : " (Experience, Projects, Skills, Certifications...)."),
          at, title, fix);
    }
    out.pass(1 - bad / 2.0);
  }

  /** Whether a code point is an icon, pictograph, emoji part or private-use (icon font) character. */
  static boolean isIcon(int cp) {
    int type = Character.getType(cp);
    return type == Character.OTHER_SYMBOL || type == Character.PRIVATE_USE || type == Character.SURROGATE
        || (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0xFE0F || cp == 0x200D
        || (cp >= 0x1F3FB && cp <= 0x1F3FF);
  }

  static String withoutIcons(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().filter(cp -> !isIcon(cp)).forEach(sb::appendCodePoint);
    return sb.toString().replaceAll("\\s{2,}", " ").replaceAll("^[\\s|:\u2022-]+", "").strip();
  }

  private static void icons(Ctx ctx, Check.Outcome out) {
    out.passedPointer = "/basics";
    if (ctx.fields.isEmpty()) {
      out.notApplicable("no text");
      return;
    }
    int count = 0;
    for (CvFields.Field f : ctx.fields) {
      boolean checked = switch (f.kind()) {
        case NAME, LABEL, EMAIL, PHONE, URL, LOCATION, PROFILE, POSITION, EMPLOYER, SKILL_GROUP, CUSTOM_TITLE,
            EDUCATION, CERTIFICATE -> true;
        default -> false;
      };
      if (!checked || f.text().codePoints().noneMatch(Rules::isIcon)) {
        continue;
      }
      count++;
      String cleaned = withoutIcons(f.text());
      Patch fix = cleaned.isEmpty() ? null
          : Patch.of(PatchOp.test(f.pointer(), f.text()), PatchOp.replace(f.pointer(), cleaned));
      out.add(WARNING, "Icons and emoji in " + (f.kind() == CvFields.Kind.CUSTOM_TITLE
          || f.kind() == CvFields.Kind.SKILL_GROUP ? "headings" : "this field") + " confuse an ATS; remove them.",
          f.pointer(), f.text(), fix);
    }
    out.pass(1 - count / 3.0);
  }
}
