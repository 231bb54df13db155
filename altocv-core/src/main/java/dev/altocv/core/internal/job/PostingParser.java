package dev.altocv.core.internal.job;

import dev.altocv.core.internal.text.Lexicon;
import dev.altocv.core.internal.text.TextTools;
import dev.altocv.core.internal.text.Tokenizer;
import dev.altocv.core.job.EducationLevel;
import dev.altocv.core.job.JobPosting;
import dev.altocv.core.job.JobPostingException;
import dev.altocv.core.job.Seniority;
import dev.altocv.core.job.UnsupportedLanguageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.jspecify.annotations.Nullable;

/** Reads a posting: sections by their cues, skills by the lexicon, the rest by patterns. */
public final class PostingParser {
  private PostingParser() {}

  /** What a part of a posting is about. */
  enum Section { INTRO, REQUIRED, PREFERRED, DUTIES, ABOUT }

  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*\u2022\u00b7\u25aa\u25cf\u2013\u2014>\u2192\u2713\u2714]+|\\d{1,2}[.)])\\s*");
  private static final Pattern LABELLED = Pattern.compile(
      "(?i)^(job title|title|position|role|company|employer|organisation|organization|location|based in|"
          + "work location)\\s*[:\\-\u2013]\\s*(.+)$");
  private static final Pattern PREFERRED_CUE = Pattern.compile(
      "(?i)\\b(nice to have|nice-to-have|preferred|preferably|a plus|is a plus|are a plus|bonus|desirable|"
          + "desired|ideally|advantageous|an advantage|would be great|good to have|beneficial)\\b");
  private static final Pattern REQUIRED_CUE = Pattern.compile("(?i)\\b(required|must|mandatory|essential)\\b");
  private static final Pattern YEARS = Pattern.compile(
      "(?i)(?:at least|minimum(?: of)?|min\\.?|over|more than)?\\s*\\b(\\d{1,2}|one|two|three|four|five|six|seven|"
          + "eight|nine|ten|twelve|fifteen)\\s*(?:\\+|plus)?\\s*(?:(?:-|\u2013|to|or more)\\s*(?:\\d{1,2})?\\s*)?"
          + "\\+?\\s*years?\\b([^.;\\n]{0,60})");
  private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
      Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
      Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("twelve", 12), Map.entry("fifteen", 15));

  private static final Pattern EDU_DOCTORATE = Pattern.compile("(?i)\\b(ph\\.?\\s?d|doctorate|doctoral)\\b");
  private static final Pattern EDU_MASTER = Pattern.compile(
      "(?i)\\b(master'?s|masters degree|master of|m\\.?sc|mba|msn|m\\.s\\.|ms in|ms degree|ll\\.?m|m\\.?eng|"
          + "m\\.?ed|ma in)\\b");
  private static final Pattern EDU_BACHELOR = Pattern.compile(
      "(?i)\\b(bachelor'?s?|b\\.?sc|bsn|b\\.s\\.|bs in|bs degree|ba in|ba degree|b\\.?eng|b\\.?ed|llb|"
          + "undergraduate degree|(?:four|4)[- ]year degree|university degree|college degree|degree in|"
          + "degree or equivalent|relevant degree|a degree|cpa-eligible|juris doctor|j\\.?d\\.?)\\b");
  private static final Pattern EDU_ASSOCIATE = Pattern.compile(
      "(?i)\\b(associate'?s? degree|adn|diploma|vocational|apprenticeship|nvq|hnd|trade school|technical school|"
          + "certificate iv)\\b");
  private static final Pattern EDU_SECONDARY = Pattern.compile(
      "(?i)\\b(high school|ged|secondary school|gcses?|a-levels?)\\b");
  private static final Pattern EQUIVALENT = Pattern.compile("(?i)\\bor equivalent( practical| work)? experience\\b");

  private static final Pattern JUNIOR = Pattern.compile(
      "(?i)\\b(intern|internship|trainee|graduate|entry[- ]level|junior|jr\\.?|apprentice|associate i)\\b");
  private static final Pattern SENIOR = Pattern.compile("(?i)\\b(senior|sr\\.?|experienced|iii)\\b");
  private static final Pattern LEAD = Pattern.compile(
      "(?i)\\b(lead|principal engineer|principal software|principal consultant|staff engineer|staff software|"
          + "head of|director|chief|vp|vice president)\\b");
  private static final Pattern WORK_MODE = Pattern.compile("(?i)\\b(remote|hybrid|on-site|onsite|in office)\\b");
  private static final Pattern CITY_LINE = Pattern.compile(
      "^[A-Z][A-Za-z .'-]{1,40},\\s*[A-Z][A-Za-z .'-]{1,40}(?:\\s*\\(.*\\))?$");
  private static final Pattern COMPANY_HIRING = Pattern.compile(
      "\\b([A-Z][A-Za-z0-9&.'-]*(?:\\s+[A-Z][A-Za-z0-9&.'-]*){0,3})\\s+(?:is|are)\\s+(?:hiring|looking|seeking|"
          + "searching|growing)");
  private static final Pattern COMPANY_JOIN = Pattern.compile(
      "\\b(?:[Jj]oin|[Aa]t)\\s+([A-Z][A-Za-z0-9&.'-]*(?:\\s+[A-Z][A-Za-z0-9&.'-]*){0,3})");
  private static final Set<String> NOT_COMPANY = Set.of("We", "Our", "The", "This", "You", "Us", "Our Team", "A",
      "An", "It", "They");

  /** Section heading cues, matched against a heading line's words. */
  private static final List<Map.Entry<Pattern, Section>> HEADINGS = List.of(
      Map.entry(Pattern.compile("(?i)(nice to have|nice-to-have|preferred|bonus|desirable|good to have|"
          + "pluses|extra credit|it would be great|ideally|even better)"), Section.PREFERRED),
      Map.entry(Pattern.compile("(?i)(requirements|required|qualifications|must have|must-have|what you need|"
          + "what we're looking for|what we are looking for|who you are|you have|you bring|what you bring|"
          + "what you'll bring|skills|experience|essential|about you|your profile|the ideal candidate|"
          + "we're looking for|we are looking for|competencies|key skills|licens|certification)"),
          Section.REQUIRED),
      Map.entry(Pattern.compile("(?i)(responsibilities|what you'll do|what you will do|duties|the role|your role|"
          + "day to day|day-to-day|in this role|you will|job description|key tasks|the job|what the job involves|"
          + "your mission|tasks)"), Section.DUTIES),
      Map.entry(Pattern.compile("(?i)(benefits|what we offer|perks|about us|about the company|who we are|"
          + "compensation|salary|equal opportunity|how to apply|why join|why work|our culture|about [A-Z])"),
          Section.ABOUT));

  /**
   * Parses a posting.
   *
   * @param input the posting
   * @param html whether it is HTML (otherwise detected)
   * @return the posting
   */
  public static JobPosting parse(String input, boolean html) {
    String text = html || TextTools.looksLikeHtml(input) ? TextTools.htmlToText(input) : input;
    text = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ').strip();
    if (text.isEmpty()) {
      throw new JobPostingException("the posting is empty" + (html ? " (the HTML has no text)" : ""));
    }
    List<Tokenizer.Token> words = Tokenizer.tokens(text);
    if (words.size() < 3) {
      throw new JobPostingException("the posting is too short to analyse (" + words.size()
          + (words.size() == 1 ? " word" : " words") + "); give the whole job description");
    }
    TextTools.DetectedLanguage lang = TextTools.detect(text);
    if (!lang.supported()) {
      throw new UnsupportedLanguageException(lang.code(), lang.name());
    }

    List<Line> lines = lines(text);
    String title = null;
    String company = null;
    String location = null;
    for (Line l : lines) {
      Matcher m = LABELLED.matcher(l.text);
      if (m.matches()) {
        String key = m.group(1).toLowerCase(Locale.ROOT);
        String value = m.group(2).strip();
        if (key.contains("title") || key.equals("position") || key.equals("role")) {
          title = title == null ? value : title;
        } else if (key.equals("company") || key.equals("employer") || key.startsWith("organi")) {
          company = company == null ? value : company;
        } else {
          location = location == null ? value : location;
        }
      }
    }
    Lexicon lex = Lexicon.get();
    Line first = lines.isEmpty() ? null : lines.get(0);
    if (title == null && first != null && first.heading == null && first.text.split("\\s+").length <= 14) {
      String[] parts = first.text.split("\\s+(?:[-|\u2013\u2014@]|at)\\s+");
      title = parts[0].strip();
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].strip();
        var role = lex.roleOf(p);
        if (role.isPresent() && !role.get().general() && i == 1) {
          title = title + " - " + p; // "Registered Nurse - Intensive Care Unit (ICU)": the specialty
        } else if (location == null && (WORK_MODE.matcher(p).find() || CITY_LINE.matcher(p).matches())) {
          location = p;
        } else if (company == null && lex.roleOf(p).isEmpty()) {
          company = p;
        }
      }
    }
    if (title == null) {
      for (Line l : lines) {
        if (l.heading == null && lex.roleOf(l.text).isPresent() && l.text.split("\\s+").length <= 10) {
          title = l.text;
          break;
        }
      }
    }
    if (title != null) {
      title = title.replaceAll("[*#_]+", "").replaceAll("\\s+", " ").strip();
    }
    if (company == null) {
      company = findCompany(lines);
    }
    if (location == null) {
      location = findLocation(lines, title);
    }

    // skills per line, by section and line cues
    LinkedHashMap<Integer, Boolean> skills = new LinkedHashMap<>(); // id -> required
    Set<Integer> hard = new LinkedHashSet<>();
    List<String> duties = new ArrayList<>();
    Integer years = null;
    Integer yearsAnywhere = null;
    EducationLevel edu = EducationLevel.NONE;
    boolean eduRequired = false;
    EducationLevel eduPreferred = EducationLevel.NONE;
    boolean equivalentOk = false;
    StringBuilder analysed = new StringBuilder();
    if (title != null) {
      for (Lexicon.Hit h : lex.skills(title)) {
        skills.put(h.id(), true);
        if (lex.skill(h.id()).licence()) {
          hard.add(h.id());
        }
      }
    }
    boolean structured = lines.stream().anyMatch(l -> l.heading == Section.REQUIRED || l.heading == Section.DUTIES);
    for (Line l : lines) {
      if (l.section == Section.ABOUT) {
        continue;
      }
      analysed.append(l.text).append('\n');
      boolean preferredLine = l.section == Section.PREFERRED || PREFERRED_CUE.matcher(l.text).find();
      if (preferredLine && l.section == Section.PREFERRED && REQUIRED_CUE.matcher(l.text).find()) {
        preferredLine = false;
      }
      boolean required = !preferredLine;
      boolean introOnly = l.section == Section.INTRO && structured;
      if (l.section == Section.DUTIES && l.heading == null) {
        duties.add(l.text);
      }
      for (Lexicon.Hit h : lex.skills(l.text)) {
        Boolean before = skills.get(h.id());
        // the introduction of a posting with requirement or duty sections describes, it does not require
        skills.put(h.id(), (before != null && before) || (required && !introOnly));
        if (required && !introOnly && lex.skill(h.id()).licence() && l.section != Section.DUTIES) {
          hard.add(h.id());
        }
      }
      Integer y = years(l.text);
      if (y != null) {
        if (required && (years == null || y < years)) {
          years = y;
        }
        yearsAnywhere = yearsAnywhere == null ? y : Math.min(yearsAnywhere, y);
      }
      EducationLevel e = education(l.text);
      if (e != EducationLevel.NONE) {
        if (EQUIVALENT.matcher(l.text).find()) {
          equivalentOk = true;
        }
        if (required) {
          if (edu == EducationLevel.NONE || e.compareTo(edu) < 0) {
            edu = e;
          }
        } else if (eduPreferred == EducationLevel.NONE || e.compareTo(eduPreferred) < 0) {
          eduPreferred = e;
        }
      }
    }
    if (years == null) {
      years = yearsAnywhere;
    }
    if (edu != EducationLevel.NONE) {
      eduRequired = !equivalentOk;
    } else {
      edu = eduPreferred;
    }

    List<String> required = new ArrayList<>();
    List<String> preferred = new ArrayList<>();
    for (Map.Entry<Integer, Boolean> e : skills.entrySet()) {
      (e.getValue() ? required : preferred).add(lex.skill(e.getKey()).name());
    }
    List<String> hardNames = hard.stream().filter(id -> Boolean.TRUE.equals(skills.get(id)))
        .map(id -> lex.skill(id).name()).toList();

    Seniority seniority = seniority(title, years);
    return new JobPosting(text, title, company, location, seniority, years, edu, eduRequired, required, preferred,
        hardNames, duties, keywords(analysed.toString(), skills.keySet()));
  }

  /** One line of a posting with the section it belongs to. */
  private static final class Line {
    final String text;
    final @Nullable Section heading;
    Section section;

    Line(String text, @Nullable Section heading, Section section) {
      this.text = text;
      this.heading = heading;
      this.section = section;
    }
  }

  private static List<Line> lines(String text) {
    List<Line> out = new ArrayList<>();
    Section current = Section.INTRO;
    List<String[]> raws = new ArrayList<>();
    for (String raw : text.split("\n")) {
      // "ADN required; BSN preferred": clauses after a semicolon carry their own cues and are never headings
      String[] clauses = raw.split(";\\s+");
      for (int c = 0; c < clauses.length; c++) {
        raws.add(new String[] {clauses[c], c == 0 ? "" : "clause"});
      }
    }
    for (String[] pair : raws) {
      String s = pair[0].strip();
      if (s.isEmpty()) {
        continue;
      }
      boolean bullet = !pair[1].isEmpty() || BULLET.matcher(s).lookingAt();
      s = BULLET.matcher(s).replaceFirst("").replaceAll("^#+\\s*", "").replaceAll("\\*\\*", "").strip();
      if (s.isEmpty()) {
        continue;
      }
      Section heading = bullet ? null : headingOf(s);
      if (heading != null) {
        current = heading;
        int colon = s.indexOf(':');
        if (colon > 0 && colon < s.length() - 1) {
          // "Requirements: Java, SQL" - a heading with its content on the same line
          out.add(new Line(s.substring(0, colon + 1), heading, current));
          out.add(new Line(s.substring(colon + 1).strip(), null, current));
          continue;
        }
      }
      out.add(new Line(s, heading, current));
    }
    return out;
  }

  private static @Nullable Section headingOf(String line) {
    String s = line.strip();
    int colon = s.indexOf(':');
    String head = colon > 0 ? s.substring(0, colon) : s;
    int words = head.split("\\s+").length;
    boolean looksLikeHeading = (colon > 0 && words <= 7) || (words <= 7 && !s.endsWith(".")
        && (s.equals(s.toUpperCase(Locale.ROOT)) || Character.isUpperCase(s.charAt(0))));
    if (!looksLikeHeading || LABELLED.matcher(s).matches()) {
      return null;
    }
    for (Map.Entry<Pattern, Section> e : HEADINGS) {
      if (e.getKey().matcher(head).find()) {
        return e.getValue();
      }
    }
    return null;
  }

  private static @Nullable Integer years(String line) {
    Matcher m = YEARS.matcher(line);
    Integer best = null;
    while (m.find()) {
      String after = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
      String lower = line.toLowerCase(Locale.ROOT);
      boolean aboutExperience = after.contains("experience") || after.contains(" exp") || after.contains("in ")
          || after.contains("of ") || after.contains("working") || lower.contains("experience");
      if (!aboutExperience || after.startsWith(" old") || after.contains("of age")) {
        continue;
      }
      String n = m.group(1).toLowerCase(Locale.ROOT);
      int v = NUMBER_WORDS.containsKey(n) ? NUMBER_WORDS.get(n) : Integer.parseInt(n);
      if (v <= 25 && (best == null || v < best)) {
        best = v;
      }
    }
    return best;
  }

  /**
   * The lowest education level a text names.
   *
   * @param text a line or a CV's education entry
   * @return the level, or NONE
   */
  public static EducationLevel education(String text) {
    if (EDU_SECONDARY.matcher(text).find()) {
      return EducationLevel.SECONDARY;
    }
    if (EDU_ASSOCIATE.matcher(text).find()) {
      return EducationLevel.ASSOCIATE;
    }
    if (EDU_BACHELOR.matcher(text).find()) {
      return EducationLevel.BACHELOR;
    }
    if (EDU_MASTER.matcher(text).find()) {
      return EducationLevel.MASTER;
    }
    if (EDU_DOCTORATE.matcher(text).find()) {
      return EducationLevel.DOCTORATE;
    }
    return EducationLevel.NONE;
  }

  /**
   * The highest education level a degree's text names.
   *
   * @param text a CV's degree (study type and area)
   * @return the level, or NONE
   */
  public static EducationLevel highestEducation(String text) {
    if (EDU_DOCTORATE.matcher(text).find() || text.matches("(?i).*\\b(md|jd|juris doctor)\\b.*")) {
      return EducationLevel.DOCTORATE;
    }
    if (EDU_MASTER.matcher(text).find() || text.matches("(?i)\\s*(master|ms|ma|msc|mba|meng)\\b.*")) {
      return EducationLevel.MASTER;
    }
    if (EDU_BACHELOR.matcher(text).find()
        || text.matches("(?i)\\s*(bachelor|bs|ba|bsc|beng|bfa|bba|bcom|ba \\(hons\\)|bsc \\(hons\\))\\b.*")) {
      return EducationLevel.BACHELOR;
    }
    if (EDU_ASSOCIATE.matcher(text).find() || text.matches("(?i)\\s*(associate|aas|as|aa|certificate)\\b.*")) {
      return EducationLevel.ASSOCIATE;
    }
    if (EDU_SECONDARY.matcher(text).find()) {
      return EducationLevel.SECONDARY;
    }
    return EducationLevel.NONE;
  }

  private static Seniority seniority(@Nullable String title, @Nullable Integer years) {
    if (title != null) {
      if (LEAD.matcher(title).find()) {
        return Seniority.LEAD;
      }
      if (SENIOR.matcher(title).find()) {
        return Seniority.SENIOR;
      }
      if (JUNIOR.matcher(title).find()) {
        return Seniority.JUNIOR;
      }
    }
    if (years == null) {
      return Seniority.MID;
    }
    return years <= 2 ? Seniority.JUNIOR : years <= 5 ? Seniority.MID : Seniority.SENIOR;
  }

  private static @Nullable String findCompany(List<Line> lines) {
    int n = 0;
    for (Line l : lines) {
      if (n++ > 12) {
        break;
      }
      if (l.heading == Section.ABOUT) {
        Matcher m = Pattern.compile("(?i)^about\\s+(.+?):?$").matcher(l.text);
        if (m.matches()) {
          String name = m.group(1).strip();
          if (!name.matches("(?i)(the |this )?(role|job|position|you|us|the team|team|company|opportunity)")) {
            return name;
          }
        }
      }
      for (Pattern p : List.of(COMPANY_HIRING, COMPANY_JOIN)) {
        Matcher m = p.matcher(l.text);
        while (m.find()) {
          String name = m.group(1).strip();
          if (!NOT_COMPANY.contains(name) && Lexicon.get().roleOf(name).isEmpty()) {
            return name;
          }
        }
      }
    }
    return null;
  }

  private static @Nullable String findLocation(List<Line> lines, @Nullable String title) {
    int n = 0;
    for (Line l : lines) {
      if (n++ > 8) {
        break;
      }
      if (l.text.equals(title)) {
        continue;
      }
      if (CITY_LINE.matcher(l.text).matches() && Lexicon.get().skills(l.text).isEmpty()) {
        return l.text;
      }
      Matcher m = WORK_MODE.matcher(l.text);
      if (m.find() && l.text.split("\\s+").length <= 6) {
        return l.text;
      }
    }
    return null;
  }

  private static final Set<String> GENERIC = new HashSet<>();

  static {
    for (String w : ("experience work working team role job year years skill skills ability able strong excellent "
        + "knowledge required requirement requirements preferred candidate candidates opportunity company position "
        + "include including help new us you your will join looking ideal plus bonus nice must good great well "
        + "day days time environment across within based etc related relevant understanding proven track record "
        + "demonstrated minimum least level degree equivalent responsibilities responsible duty duties support "
        + "business make ensure provide using use also other one two three five want need needs per hour hours "
        + "full part apply application benefits salary offer description qualification qualifications").split(" ")) {
      for (String t : TextTools.terms(w)) {
        GENERIC.add(t);
      }
    }
  }

  private static List<String> keywords(String text, Set<Integer> skillIds) {
    Set<String> skillTerms = new HashSet<>();
    for (int id : skillIds) {
      for (String alias : Lexicon.get().skill(id).aliases()) {
        skillTerms.addAll(TextTools.terms(alias));
      }
    }
    Map<String, int[]> counts = new HashMap<>();
    Map<String, String> surface = new HashMap<>();
    List<String> order = new ArrayList<>();
    try (TokenStream ts = TextTools.ENGLISH.tokenStream("t", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        if (t.length() < 3 || GENERIC.contains(t) || skillTerms.contains(t) || Character.isDigit(t.charAt(0))) {
          continue;
        }
        int[] c = counts.computeIfAbsent(t, k -> new int[1]);
        if (c[0]++ == 0) {
          order.add(t);
          surface.put(t, text.substring(off.startOffset(), off.endOffset()).toLowerCase(Locale.ROOT));
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new JobPostingException("could not analyse the posting: " + e.getMessage());
    }
    List<String> sorted = new ArrayList<>(order);
    sorted.sort((a, b) -> counts.get(b)[0] - counts.get(a)[0]);
    List<String> out = new ArrayList<>();
    for (String t : sorted) {
      if (counts.get(t)[0] < 2 && out.size() >= 8) {
        break;
      }
      out.add(surface.get(t));
      if (out.size() == 15) {
        break;
      }
    }
    return out;
  }
}
