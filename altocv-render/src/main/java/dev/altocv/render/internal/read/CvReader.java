package dev.altocv.render.internal.read;

import dev.altocv.core.model.AltoCvData;
import dev.altocv.core.model.Award;
import dev.altocv.core.model.Basics;
import dev.altocv.core.model.Certificate;
import dev.altocv.core.model.CustomItem;
import dev.altocv.core.model.CustomSection;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Design;
import dev.altocv.core.model.Education;
import dev.altocv.core.model.Interest;
import dev.altocv.core.model.Language;
import dev.altocv.core.model.Location;
import dev.altocv.core.model.Profile;
import dev.altocv.core.model.Project;
import dev.altocv.core.model.Publication;
import dev.altocv.core.model.Reference;
import dev.altocv.core.model.Skill;
import dev.altocv.core.model.Volunteer;
import dev.altocv.core.model.Work;
import dev.altocv.render.internal.DateText;
import dev.altocv.render.internal.ViewBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Lines to a CV: finds the name and contact block, the section headings (by a lexicon of phrasings, then by
 * the style the recognised headings share), and reads each section's fields. Every field gets a confidence
 * between 0 and 1; text that fits nowhere is kept in {@link #unplaced}, never dropped silently.
 */
final class CvReader {

  final Map<String, Double> confidence = new LinkedHashMap<>();
  final List<String> unplaced = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();

  private final List<Line> lines;
  private float bodySize;

  CvReader(List<Line> lines) {
    this.lines = lines;
  }

  private static final Pattern EMAIL = Pattern.compile("(?i)(?:mailto:)?([^\\s@<>()]+@[^\\s@<>()]+\\.[a-z]{2,})");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./\\-]{5,}[0-9]");
  private static final Pattern URL = Pattern.compile(
      "(?i)(https?://\\S+|(?:www\\.)?[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}(?:/\\S*)?)");
  private static final Pattern SEPARATORS = Pattern.compile("\\s+[\u00b7|\u2022\u22c5\u25cf\u2013\u2014]\\s+");
  private static final Pattern INLINE_DATES = Pattern.compile("(?:,|\\s[\u00b7|\u2013\u2014-]|\\()\\s*[^,\u00b7|]*\\d{4}[^,\u00b7|]*$");
  private static final Pattern LEVEL = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)$");
  private static final Pattern LABELLED = Pattern.compile("^([\\p{L}][\\p{L} /&.+-]{0,30}):\\s*(.*)$");

  private record Heading(int index, String key, String title, boolean custom) {}

  /** A dated entry as read, before it is mapped to a record. */
  private static final class Raw {
    @Nullable String title;
    boolean titleBold;
    final List<String> subtitle = new ArrayList<>();
    boolean subtitleSeen;
    DateText.@Nullable Range dates;
    final List<String> paragraphs = new ArrayList<>();
    final List<String> bullets = new ArrayList<>();
    final Map<String, List<String>> lists = new LinkedHashMap<>();

    boolean hasBody() {
      return !paragraphs.isEmpty() || !bullets.isEmpty() || !lists.isEmpty();
    }

    @Nullable String summary() {
      return paragraphs.isEmpty() ? null : String.join("\n", paragraphs);
    }
  }

  Cv read() {
    bodySize = bodySize();
    List<Heading> headings = headings();
    int firstHeading = headings.isEmpty() ? lines.size() : headings.get(0).index();
    Cv.Builder cv = Cv.builder();
    Basics basics = header(lines.subList(0, firstHeading), headings.isEmpty());
    String summary = basics.summary();
    List<Work> work = new ArrayList<>();
    List<Volunteer> volunteer = new ArrayList<>();
    List<Education> education = new ArrayList<>();
    List<Award> awards = new ArrayList<>();
    List<Certificate> certificates = new ArrayList<>();
    List<Publication> publications = new ArrayList<>();
    List<Skill> skills = new ArrayList<>();
    List<Language> languages = new ArrayList<>();
    List<Interest> interests = new ArrayList<>();
    List<Reference> references = new ArrayList<>();
    List<Project> projects = new ArrayList<>();
    List<CustomSection> custom = new ArrayList<>();
    for (int h = 0; h < headings.size(); h++) {
      Heading head = headings.get(h);
      int end = h + 1 < headings.size() ? headings.get(h + 1).index() : lines.size();
      List<Line> body = new ArrayList<>();
      for (Line l : lines.subList(head.index() + 1, end)) {
        // an e-mail address or phone number on a line of its own is contact detail, wherever it sits
        if (!head.key().equals("contact") && strayContact(l)) {
          contacts(l);
        } else {
          body.add(l);
        }
      }
      double sectionConf = head.custom() ? 0.75 : 0.95;
      switch (head.key()) {
        case "summary" -> {
          List<String> paras = new ArrayList<>();
          for (Line l : body) {
            paras.add(l.text());
          }
          if (!paras.isEmpty()) {
            String s = String.join("\n", paras);
            summary = summary == null ? s : summary + "\n" + s;
            conf("/basics/summary", sectionConf * 0.95);
          }
        }
        case "work" -> {
          for (Raw r : entries(body)) {
            int i = work.size();
            String p = "/work/" + i;
            String[] org = splitOrganisation(r, true);
            work.add(new Work(null, org[1], org[2], null, org[0], org[3], start(r), end(r), r.summary(),
                r.bullets, Map.of()));
            entryConf(p, r, sectionConf, "position", "name", "location");
          }
        }
        case "volunteer" -> {
          for (Raw r : entries(body)) {
            String p = "/volunteer/" + volunteer.size();
            String[] org = splitOrganisation(r, false);
            volunteer.add(new Volunteer(null, org[1], org[0], org[3], start(r), end(r), r.summary(), r.bullets,
                Map.of()));
            entryConf(p, r, sectionConf, "position", "organization", null);
          }
        }
        case "education" -> {
          for (Raw r : entries(body)) {
            String p = "/education/" + education.size();
            education.add(education(r));
            entryConf(p, r, sectionConf, "institution", null, null);
          }
        }
        case "projects" -> {
          for (Raw r : entries(body)) {
            String p = "/projects/" + projects.size();
            String url = null;
            List<String> roles = new ArrayList<>();
            for (String part : r.subtitle) {
              if (url == null && isUrl(part)) {
                url = part;
              } else {
                roles.addAll(splitList(part));
              }
            }
            List<String> keywords = listFor(r, "technologies", "keywords", "tech stack", "stack", "tools", "built with");
            projects.add(new Project(null, r.title, r.summary(), r.bullets, keywords, start(r), end(r), url, roles,
                null, null, Map.of()));
            entryConf(p, r, sectionConf, "name", null, null);
          }
        }
        case "certificates" -> {
          for (Raw r : entries(body)) {
            String p = "/certificates/" + certificates.size();
            String[] parts = urlAndRest(r.subtitle);
            certificates.add(new Certificate(null, r.title, r.dates == null ? null : r.dates.start(), parts[0],
                parts[1], Map.of()));
            entryConf(p, r, sectionConf, "name", "issuer", null);
            single(p + "/date", r, sectionConf);
          }
        }
        case "awards" -> {
          for (Raw r : entries(body)) {
            String p = "/awards/" + awards.size();
            String[] parts = urlAndRest(r.subtitle);
            awards.add(new Award(null, r.title, r.dates == null ? null : r.dates.start(), parts[1], r.summary(),
                Map.of()));
            entryConf(p, r, sectionConf, "title", "awarder", null);
            single(p + "/date", r, sectionConf);
          }
        }
        case "publications" -> {
          for (Raw r : entries(body)) {
            String p = "/publications/" + publications.size();
            String[] parts = urlAndRest(r.subtitle);
            publications.add(new Publication(null, r.title, parts[1], r.dates == null ? null : r.dates.start(),
                parts[0], r.summary(), Map.of()));
            entryConf(p, r, sectionConf, "name", "publisher", null);
            single(p + "/releaseDate", r, sectionConf);
          }
        }
        case "skills" -> {
          for (Line l : body) {
            String[] g = group(l);
            if (g == null) {
              continue;
            }
            String p = "/skills/" + skills.size();
            skills.add(new Skill(null, g[0], g[1], splitList(g[2]), Map.of()));
            groupConf(p, g, sectionConf);
          }
        }
        case "interests" -> {
          for (Line l : body) {
            String[] g = group(l);
            if (g == null) {
              continue;
            }
            String p = "/interests/" + interests.size();
            String name = g[1] != null && g[0] != null ? g[0] + " (" + g[1] + ")" : g[0] != null ? g[0] : g[1];
            interests.add(new Interest(null, name, splitList(g[2]), Map.of()));
            groupConf(p, new String[] {name, null, g[2]}, sectionConf);
          }
        }
        case "languages" -> {
          for (Line l : body) {
            for (String item : languageItems(l.text())) {
              String[] lf = language(item);
              String p = "/languages/" + languages.size();
              languages.add(new Language(null, lf[0], lf[1], Map.of()));
              conf(p + "/language", sectionConf * 0.95);
              if (lf[1] != null) {
                conf(p + "/fluency", sectionConf * 0.9);
              }
            }
          }
        }
        case "references" -> references.addAll(references(body, sectionConf, references.size()));
        case "contact" -> {
          for (Line l : body) {
            if (!contacts(l)) {
              if (location.city() == null && location.region() == null && l.chunks.size() == 1
                  && l.text().matches("[\\p{L}][\\p{L} .'\\-]*(, ?[\\p{L}][\\p{L} .'\\-]*){0,2}")) {
                location = location(l.text());
              } else {
                unplaced.add(l.text());
              }
            }
          }
        }
        default -> {
          List<CustomItem> items = new ArrayList<>();
          String sp = "/altocv/customSections/" + custom.size();
          for (Raw r : entries(body)) {
            String p = sp + "/items/" + items.size();
            String url = null;
            List<String> rest = new ArrayList<>();
            for (String part : r.subtitle) {
              if (url == null && isUrl(part)) {
                url = part;
              } else {
                rest.add(part);
              }
            }
            String start = r.dates == null ? null : r.dates.start();
            String endDate = r.dates == null ? null : r.dates.end();
            items.add(new CustomItem(null, r.title, rest.isEmpty() ? null : rest.get(0),
                rest.size() > 1 ? rest.get(1) : null, start, endDate, url, r.summary(), r.bullets));
            for (int k = 2; k < rest.size(); k++) {
              unplaced.add(head.title() + ": " + rest.get(k));
            }
            entryConf(p, r, sectionConf, "title", "subtitle", "location");
          }
          conf(sp + "/title", sectionConf);
          custom.add(new CustomSection(null, head.title(), items));
        }
      }
    }
    basics = new Basics(basics.name(), basics.label(), null, email, phone, url, summary, location, profiles, Map.of());
    cv.basics(basics);
    cv.work(work.toArray(new Work[0]));
    cv.volunteer(volunteer.toArray(new Volunteer[0]));
    cv.education(education.toArray(new Education[0]));
    cv.awards(awards.toArray(new Award[0]));
    cv.certificates(certificates.toArray(new Certificate[0]));
    cv.publications(publications.toArray(new Publication[0]));
    cv.skills(skills.toArray(new Skill[0]));
    cv.languages(languages.toArray(new Language[0]));
    cv.interests(interests.toArray(new Interest[0]));
    cv.references(references.toArray(new Reference[0]));
    cv.projects(projects.toArray(new Project[0]));
    cv.altocv(new AltoCvData(Design.DEFAULT, custom));
    return cv.build();
  }

  // ---------------------------------------------------------------- layout facts

  private float bodySize() {
    Map<Float, Integer> count = new LinkedHashMap<>();
    for (Line l : lines) {
      count.merge(l.size, l.text().length(), Integer::sum);
    }
    float best = 10;
    int n = -1;
    for (Map.Entry<Float, Integer> e : count.entrySet()) {
      if (e.getValue() > n) {
        n = e.getValue();
        best = e.getKey();
      }
    }
    return best;
  }

  private static boolean allCaps(String s) {
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        letter = true;
        if (Character.isLowerCase(c)) {
          return false;
        }
      }
    }
    return letter;
  }

  private boolean headingShape(Line l) {
    if (l.bullet || l.chunks.size() != 1 || l.styleHeading >= 2 || l.title) {
      return false;
    }
    String t = l.text();
    return !t.isEmpty() && t.length() <= 60 && t.split("\\s+").length <= 8 && DateText.rangeAtEnd(t).isEmpty()
        && !t.endsWith(".");
  }

  private boolean styled(Line l) {
    return l.styleHeading == 1 || l.bold() || l.size >= bodySize + 0.75f || allCaps(l.text())
        || l.text().endsWith(":");
  }

  private List<Heading> headings() {
    List<Heading> out = new ArrayList<>();
    List<Line> known = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (headingShape(l) && styled(l)) {
        String key = Lexicon.section(l.text());
        if (key != null) {
          out.add(new Heading(i, key, l.text(), false));
          known.add(l);
        }
      }
    }
    if (known.isEmpty()) {
      return out;
    }
    // the style the recognised headings share marks the custom ones
    float size = known.get(0).size;
    boolean sameSize = true;
    boolean bold = true;
    boolean docx = true;
    for (Line k : known) {
      sameSize &= Math.abs(k.size - size) < 0.3f;
      bold &= k.bold();
      docx &= k.styleHeading == 1;
    }
    int firstKnown = out.get(0).index();
    List<Heading> custom = new ArrayList<>();
    for (int i = firstKnown + 1; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (!headingShape(l) || Lexicon.section(l.text()) != null) {
        continue;
      }
      boolean match;
      if (docx) {
        match = l.styleHeading == 1;
      } else {
        match = sameSize && Math.abs(l.size - size) < 0.3f && size > bodySize + 0.4f && l.bold() == bold;
      }
      if (match) {
        custom.add(new Heading(i, "custom", l.text(), true));
      }
    }
    out.addAll(custom);
    out.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return out;
  }

  // ---------------------------------------------------------------- header

  // the header's fields, filled by the header and by a "Contact" section
  private @Nullable String email;
  private @Nullable String phone;
  private @Nullable String url;
  private Location location = Location.empty();
  private final List<Profile> profiles = new ArrayList<>();

  private Basics header(List<Line> head, boolean noSections) {
    String name = null;
    String label = null;
    int nameIdx = -1;
    float max = 0;
    for (int i = 0; i < Math.min(head.size(), 15); i++) {
      Line l = head.get(i);
      if (l.title) {
        nameIdx = i;
        break;
      }
      if (l.size > max + 0.1f && !contactLike(l.text()) && l.text().length() <= 60) {
        max = l.size;
        nameIdx = i;
      }
    }
    if (nameIdx >= 0 && !head.get(nameIdx).title && max < bodySize * 1.2f) {
      Line first = head.get(0);
      nameIdx = first.text().split("\\s+").length <= 5 && !contactLike(first.text()) ? 0 : -1;
    }
    if (nameIdx >= 0) {
      name = head.get(nameIdx).text();
      conf("/basics/name", head.get(nameIdx).size >= bodySize * 1.2f || head.get(nameIdx).title ? 0.95 : 0.6);
    }
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < head.size(); i++) {
      if (i == nameIdx) {
        continue;
      }
      Line l = head.get(i);
      if (contacts(l)) {
        continue;
      }
      if (label == null && name != null && i == nameIdx + 1 && !l.text().matches(".*\\d{4}.*")) {
        label = l.text();
        conf("/basics/label", 0.8);
      } else if (location.city() == null && location.region() == null && l.chunks.size() == 1
          && l.text().matches("[\\p{L}][\\p{L} .'\\-]*(, ?[\\p{L}][\\p{L} .'\\-]*){1,2}")) {
        location = location(l.text());
      } else {
        rest.add(l.text());
      }
    }
    String summary = null;
    if (!rest.isEmpty()) {
      // long text before the first heading is a summary without a heading
      StringBuilder s = new StringBuilder();
      for (String r : rest) {
        if (r.length() > 80 || noSections) {
          s.append(s.length() > 0 ? "\n" : "").append(r);
        } else {
          unplaced.add(r);
        }
      }
      if (s.length() > 0) {
        summary = s.toString();
        conf("/basics/summary", 0.5);
      }
    }
    return new Basics(name, label, null, null, null, null, summary, Location.empty(), List.of(), Map.of());
  }

  /**
   * Reads a line of contact details (e-mail, phone, website, profiles, a place); false when it has none.
   */
  private boolean contacts(Line l) {
    List<String> items = new ArrayList<>();
    for (Line.Chunk c : l.chunks) {
      items.addAll(parts(c.text()));
    }
    boolean contact = false;
    List<String> other = new ArrayList<>();
    for (String item : items) {
      Matcher em = EMAIL.matcher(item);
      Matcher lab = LABELLED.matcher(item);
      if (lab.matches() && !isUrl(item) && !lab.group(2).isBlank()) {
        String key = lab.group(1).trim();
        String value = lab.group(2).trim();
        if (Lexicon.contactLabel(key)) {
          item = value;
          em = EMAIL.matcher(item);
        } else {
          String p = "/basics/profiles/" + profiles.size();
          profiles.add(profile(key, value));
          conf(p + "/network", 0.9);
          conf(p + "/url", 0.9);
          conf(p + "/username", 0.85);
          contact = true;
          continue;
        }
      }
      if (email == null && em.matches()) {
        email = em.group(1);
        conf("/basics/email", 0.97);
        contact = true;
      } else if (phone == null && PHONE.matcher(item).matches() && digits(item) >= 7) {
        phone = item;
        conf("/basics/phone", 0.9);
        contact = true;
      } else if (isUrl(item)) {
        String net = Lexicon.network(host(item));
        if (net != null) {
          String p = "/basics/profiles/" + profiles.size();
          String user = ViewBuilder.lastSegment(item);
          profiles.add(new Profile(null, net, user.isEmpty() ? null : user, item, Map.of()));
          conf(p + "/network", 0.7);
          conf(p + "/url", 0.9);
        } else if (url == null) {
          url = item;
          conf("/basics/url", 0.9);
        } else {
          other.add(item);
        }
        contact = true;
      } else {
        other.add(item);
      }
    }
    if (!contact) {
      return false;
    }
    for (String o : other) {
      if (location.city() == null && location.region() == null
          && o.matches("[\\p{L}][\\p{L} .'\\-]*(, ?[\\p{L}][\\p{L} .'\\-]*){0,2}")) {
        location = location(o);
      } else {
        unplaced.add(o);
      }
    }
    return true;
  }

  private boolean strayContact(Line l) {
    String t = l.text().trim();
    return l.chunks.size() == 1 && ((email == null && EMAIL.matcher(t).matches())
        || (phone == null && PHONE.matcher(t).matches() && digits(t) >= 7 && !t.matches("\\d{4}\\s*[-\u2013]\\s*\\d{4}")));
  }

  private static boolean contactLike(String s) {
    return EMAIL.matcher(s).find() || (PHONE.matcher(s).find() && digits(s) >= 7) || s.contains("http");
  }

  private static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private Location location(String text) {
    String[] parts = text.split("\\s*,\\s*");
    String city = null;
    String region = null;
    String cc = null;
    List<String> p = new ArrayList<>(List.of(parts));
    if (p.size() > 1 && p.get(p.size() - 1).matches("[A-Z]{2}")) {
      cc = p.remove(p.size() - 1);
    }
    if (!p.isEmpty()) {
      city = p.get(0);
    }
    if (p.size() > 1) {
      region = String.join(", ", p.subList(1, p.size()));
    }
    conf("/basics/location/city", 0.75);
    if (region != null) {
      conf("/basics/location/region", 0.7);
    }
    if (cc != null) {
      conf("/basics/location/countryCode", 0.8);
    }
    return new Location(null, null, city, cc, region, Map.of());
  }

  private static Profile profile(String network, String value) {
    Matcher m = Pattern.compile("^(.*?)\\s*\\((\\S+)\\)$").matcher(value);
    if (m.matches() && isUrl(m.group(2))) {
      return new Profile(null, network, m.group(1), m.group(2), Map.of());
    }
    if (isUrl(value)) {
      String user = ViewBuilder.lastSegment(value);
      return new Profile(null, network, user.isEmpty() ? null : user, value, Map.of());
    }
    return new Profile(null, network, value, null, Map.of());
  }

  static boolean isUrl(String s) {
    return !s.contains("@") && URL.matcher(s.trim()).matches() && !s.matches("\\d+(\\.\\d+)*");
  }

  private static String host(String url) {
    String u = url.replaceFirst("(?i)^https?://", "");
    int slash = u.indexOf('/');
    return slash < 0 ? u : u.substring(0, slash);
  }

  // ---------------------------------------------------------------- entries

  private List<Raw> entries(List<Line> body) {
    List<Raw> out = new ArrayList<>();
    Raw cur = null;
    float baseX = Float.NaN;
    for (Line l : body) {
      String label = labelOf(l);
      if (label != null && cur != null) {
        String text = l.text();
        String value = text.substring(text.indexOf(':') + 1).trim();
        cur.lists.put(label.toLowerCase(Locale.ROOT), splitList(value));
        continue;
      }
      Raw head = l.bullet ? null : header(l);
      if (head != null) {
        boolean startNew = cur == null || cur.hasBody() || (cur.title != null && head.title != null)
            || (cur.dates != null && head.dates != null) || cur.subtitleSeen;
        if (startNew) {
          cur = head;
          out.add(cur);
          baseX = titleX(l);
          continue;
        }
        if (cur.title == null) {
          cur.title = head.title;
          cur.titleBold = head.titleBold;
        }
        if (cur.dates == null) {
          cur.dates = head.dates;
        }
        cur.subtitle.addAll(head.subtitle);
        continue;
      }
      if (cur == null) {
        cur = new Raw();
        out.add(cur);
        baseX = l.x0();
      }
      // list items drawn with a vector bullet (no glyph) show only as text indented under the entry
      boolean indented = !Float.isNaN(baseX) && l.x0() > baseX + 4 && l.chunks.size() == 1 && cur.subtitleSeen;
      if (l.bullet || (indented && !subtitleLike(l))) {
        cur.bullets.add(l.text());
      } else if (!cur.subtitleSeen && !cur.hasBody() && cur.subtitle.isEmpty() && subtitleLike(l)) {
        cur.subtitleSeen = true;
        List<String> parts = parts(l.text());
        if (cur.dates == null && !parts.isEmpty()) {
          Optional<DateText.Range> r = DateText.rangeAtEnd(parts.get(parts.size() - 1));
          if (r.isPresent() && r.get().text().trim().length() >= parts.get(parts.size() - 1).trim().length() - 1) {
            cur.dates = r.get();
            parts.remove(parts.size() - 1);
          }
        }
        cur.subtitle.addAll(parts);
      } else {
        cur.paragraphs.add(l.text());
      }
    }
    return out;
  }

  /** Where an entry's title starts (after a first column of dates, if any). */
  private static float titleX(Line l) {
    for (Line.Chunk c : l.chunks) {
      String t = c.text();
      Optional<DateText.Range> r = DateText.rangeAtEnd(t);
      if (r.isEmpty() || r.get().text().trim().length() < t.trim().length() - 1) {
        return c.x0;
      }
    }
    return l.x0();
  }

  private static @Nullable String labelOf(Line l) {
    if (l.bullet || l.chunks.isEmpty()) {
      return null;
    }
    Line.Chunk c = l.chunks.get(0);
    if (c.runs.isEmpty() || !c.startsBold()) {
      return null;
    }
    StringBuilder bold = new StringBuilder();
    for (Line.Run r : c.runs) {
      if (!r.bold()) {
        break;
      }
      bold.append(r.text());
    }
    String b = bold.toString().trim();
    if (!b.endsWith(":") || b.length() > 30) {
      return null;
    }
    String label = b.substring(0, b.length() - 1).trim();
    return label.isEmpty() ? null : label;
  }

  private static boolean subtitleLike(Line l) {
    if (l.italic()) {
      return true;
    }
    String t = l.text();
    return SEPARATORS.matcher(t).find() && t.length() < 120 && !t.endsWith(".");
  }

  /** An entry's first line: a bold title and/or dates at its end; null when the line is neither. */
  private static @Nullable Raw header(Line l) {
    List<Line.Chunk> content = new ArrayList<>(l.chunks);
    DateText.Range dates = null;
    if (content.size() >= 2) {
      // dates in a first column (a table with the dates on the left)
      String first = content.get(0).text();
      Optional<DateText.Range> r = DateText.rangeAtEnd(first);
      if (r.isPresent() && r.get().text().trim().length() >= first.trim().length() - 1) {
        dates = r.get();
        content.remove(0);
      }
    }
    if (dates == null && content.size() >= 2) {
      String last = content.get(content.size() - 1).text();
      Optional<DateText.Range> r = DateText.rangeAtEnd(last);
      if (r.isPresent() && r.get().text().trim().length() >= last.trim().length() - 1) {
        dates = r.get();
        content.remove(content.size() - 1);
      }
    } else if (content.size() == 1 && content.get(0).text().isEmpty()) {
      return null;
    }
    if (content.size() == 1 && dates == null && l.chunks.size() == 1) {
      String t = content.get(0).text();
      Optional<DateText.Range> r = DateText.rangeAtEnd(t);
      if (r.isPresent() && r.get().text().trim().equals(t.trim())) {
        Raw raw = new Raw();
        raw.dates = r.get();
        return raw;
      }
    }
    Raw raw = new Raw();
    raw.dates = dates;
    if (content.isEmpty()) {
      return dates == null ? null : raw;
    }
    if (dates == null && content.size() == 1 && !content.get(0).startsBold()) {
      // "Warehouse Supervisor at LogiTrans, 2018 - present": a plain line ending in dates
      String t = content.get(0).text();
      Matcher m = INLINE_DATES.matcher(t);
      Optional<DateText.Range> r = DateText.rangeAtEnd(t);
      if (t.length() < 140 && m.find() && r.isPresent() && t.endsWith(r.get().text().trim())) {
        String head = t.substring(0, t.length() - r.get().text().trim().length()).replaceAll("[\\s,\u00b7|(\u2013\u2014-]+$", "");
        if (!head.isEmpty()) {
          raw.dates = r.get();
          int at = head.indexOf(" at ");
          if (at > 0) {
            raw.title = head.substring(0, at).trim();
            raw.subtitle.addAll(parts(head.substring(at + 4)));
          } else {
            List<String> ps = parts(head.replace(", ", ViewBuilder.SEP));
            raw.title = ps.remove(0);
            raw.subtitle.addAll(ps);
          }
          raw.subtitleSeen = !raw.subtitle.isEmpty();
          return raw;
        }
      }
    }
    Line.Chunk first = content.get(0);
    StringBuilder bold = new StringBuilder();
    StringBuilder rest = new StringBuilder();
    boolean inBold = first.startsBold();
    for (Line.Run r : first.runs) {
      if (inBold && (r.bold() || r.text().isBlank())) {
        bold.append(r.text());
      } else {
        inBold = false;
        rest.append(r.text());
      }
    }
    String title = bold.toString().trim();
    String remainder = rest.toString().trim();
    if (title.isEmpty() && dates == null) {
      return null;
    }
    if (!title.isEmpty()) {
      raw.title = title;
      raw.titleBold = true;
    } else {
      String t = remainder;
      int at = t.indexOf(" at ");
      if (at > 0) {
        raw.title = t.substring(0, at).trim();
        remainder = t.substring(at + 4).trim();
      } else {
        List<String> ps = parts(t);
        raw.title = ps.isEmpty() ? null : ps.remove(0);
        remainder = String.join(ViewBuilder.SEP, ps);
      }
    }
    remainder = remainder.replaceFirst("^[\u00b7|,\u2013\u2014-]\\s*", "").trim();
    if (!remainder.isEmpty()) {
      List<String> ps = parts(remainder);
      if (raw.dates == null && !ps.isEmpty()) {
        String lastPart = ps.get(ps.size() - 1);
        Optional<DateText.Range> r = DateText.rangeAtEnd(lastPart);
        if (r.isPresent() && r.get().text().trim().length() >= lastPart.trim().length() - 1) {
          raw.dates = r.get();
          ps.remove(ps.size() - 1);
        }
      }
      raw.subtitle.addAll(ps);
      raw.subtitleSeen = true;
    }
    for (int i = 1; i < content.size(); i++) {
      raw.subtitle.addAll(parts(content.get(i).text()));
    }
    return raw;
  }

  private static List<String> parts(String text) {
    List<String> out = new ArrayList<>();
    for (String p : SEPARATORS.split(text)) {
      String t = trimSeparators(p);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** A part without separators left at its ends by a line break next to them. */
  private static String trimSeparators(String s) {
    return s.replaceAll("^[\\s\u00b7|\u2022\u22c5]+|[\\s\u00b7|\u2022\u22c5]+$", "");
  }

  private static @Nullable String start(Raw r) {
    return r.dates == null ? null : r.dates.start();
  }

  private static @Nullable String end(Raw r) {
    return r.dates == null ? null : r.dates.end();
  }

  /** position, organisation, location, url; swapped when the title reads as an organisation. */
  private String[] splitOrganisation(Raw r, boolean withLocation) {
    String url = null;
    List<String> rest = new ArrayList<>();
    for (String part : r.subtitle) {
      if (url == null && isUrl(part)) {
        url = part;
      } else {
        rest.add(part);
      }
    }
    String position = r.title;
    String org = rest.isEmpty() ? null : rest.remove(0);
    if (position != null && org != null && !Lexicon.jobLike(position) && Lexicon.jobLike(org)) {
      String t = position;
      position = org;
      org = t;
      warnings.add("read '" + position + "' as the job title and '" + org + "' as the employer");
    }
    String location = null;
    if (withLocation && !rest.isEmpty()) {
      location = rest.remove(0);
    }
    for (String x : rest) {
      unplaced.add((position == null ? "" : position + ": ") + x);
    }
    return new String[] {position, org, location, url};
  }

  private Education education(Raw r) {
    String url = null;
    String score = null;
    List<String> rest = new ArrayList<>();
    for (String part : r.subtitle) {
      Matcher g = Pattern.compile("(?i)^(grade|gpa|score|result|mark|final grade|note)\\s*:\\s*(.+)$").matcher(part);
      if (score == null && g.matches()) {
        score = g.group(2).trim();
      } else if (url == null && isUrl(part)) {
        url = part;
      } else {
        rest.add(part);
      }
    }
    String institution = r.title;
    if (institution != null && !rest.isEmpty() && Lexicon.degreeLike(institution) && !Lexicon.degreeLike(rest.get(0))
        && Lexicon.institutionLike(rest.get(0))) {
      String t = institution;
      institution = rest.remove(0);
      rest.add(0, t);
    }
    String studyType = null;
    String area = null;
    if (rest.size() >= 2) {
      studyType = rest.get(0);
      area = rest.get(1);
      for (int k = 2; k < rest.size(); k++) {
        unplaced.add((institution == null ? "" : institution + ": ") + rest.get(k));
      }
    } else if (rest.size() == 1) {
      String only = rest.get(0);
      Matcher in = Pattern.compile("^(.+?)\\s+(?:in|of)\\s+(.+)$").matcher(only);
      if (Lexicon.degreeLike(only) && in.matches() && !Lexicon.degreeLike(in.group(2))) {
        studyType = in.group(1);
        area = in.group(2);
      } else if (Lexicon.degreeLike(only)) {
        studyType = only;
      } else {
        area = only;
      }
    }
    List<String> courses = listFor(r, "courses", "coursework", "relevant coursework", "modules", "selected courses");
    return new Education(null, institution, url, area, studyType, start(r), end(r), score, courses, Map.of());
  }

  private static List<String> listFor(Raw r, String... labels) {
    for (String l : labels) {
      List<String> v = r.lists.get(l);
      if (v != null) {
        return v;
      }
    }
    return List.of();
  }

  private static String[] urlAndRest(List<String> subtitle) {
    String url = null;
    String rest = null;
    for (String part : subtitle) {
      if (url == null && isUrl(part)) {
        url = part;
      } else if (rest == null) {
        rest = part;
      } else {
        rest = rest + ViewBuilder.SEP + part;
      }
    }
    return new String[] {url, rest};
  }

  private void entryConf(String p, Raw r, double base, String titleField, @Nullable String orgField,
      @Nullable String locField) {
    if (r.title != null) {
      conf(p + "/" + titleField, base * (r.titleBold ? 0.95 : 0.7));
    }
    if (orgField != null && !r.subtitle.isEmpty()) {
      conf(p + "/" + orgField, base * 0.9);
    }
    if (locField != null && r.subtitle.size() > 1) {
      conf(p + "/" + locField, base * 0.8);
    }
    if (r.dates != null) {
      conf(p + "/startDate", base * 0.95);
      if (r.dates.end() != null) {
        conf(p + "/endDate", base * 0.95);
      }
    }
    if (!r.paragraphs.isEmpty()) {
      conf(p + "/summary", base * 0.85);
    }
    for (int i = 0; i < r.bullets.size(); i++) {
      conf(p + "/highlights/" + i, base * 0.95);
    }
  }

  private void single(String pointer, Raw r, double base) {
    confidence.remove(pointer.substring(0, pointer.lastIndexOf('/')) + "/startDate");
    confidence.remove(pointer.substring(0, pointer.lastIndexOf('/')) + "/endDate");
    if (r.dates != null) {
      conf(pointer, base * 0.95);
    }
  }

  // ---------------------------------------------------------------- keyword groups, languages, references

  /** name, level, keywords text; null for an empty line. */
  private static String @Nullable [] group(Line l) {
    String name;
    String keywords;
    if (l.chunks.size() >= 2) {
      name = l.chunks.get(0).text();
      StringBuilder k = new StringBuilder();
      for (int i = 1; i < l.chunks.size(); i++) {
        k.append(k.length() > 0 ? ", " : "").append(l.chunks.get(i).text());
      }
      keywords = k.toString();
    } else {
      String t = l.text();
      int colon = t.indexOf(": ");
      if (colon > 0 && colon < 60) {
        name = t.substring(0, colon).trim();
        keywords = t.substring(colon + 2).trim();
      } else if (t.endsWith(":")) {
        name = t.substring(0, t.length() - 1);
        keywords = "";
      } else if (l.bold() || (LEVEL.matcher(t).matches() && !t.contains(","))) {
        name = t;
        keywords = "";
      } else {
        name = null;
        keywords = t;
      }
    }
    if ((name == null || name.isBlank()) && keywords.isBlank()) {
      return null;
    }
    String level = null;
    if (name != null) {
      Matcher m = LEVEL.matcher(name);
      if (m.matches()) {
        name = m.group(1).isBlank() ? null : m.group(1).trim();
        level = m.group(2).trim();
      }
    }
    return new String[] {name, level, keywords};
  }

  private void groupConf(String p, String[] g, double base) {
    if (g[0] != null) {
      conf(p + "/name", base * 0.9);
    }
    if (g[1] != null) {
      conf(p + "/level", base * 0.85);
    }
    List<String> k = splitList(g[2]);
    for (int i = 0; i < k.size(); i++) {
      conf(p + "/keywords/" + i, base * 0.9);
    }
  }

  /** Splits "a, b, c" (or ; | ·) outside parentheses. */
  static List<String> splitList(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      }
      boolean sep = depth == 0 && (c == ',' || c == ';' || c == '|' || c == '\u00b7' || c == '\u2022')
          && (i + 1 >= text.length() || text.charAt(i + 1) == ' ' || c != ',');
      if (sep) {
        if (!cur.toString().isBlank()) {
          out.add(cur.toString().trim());
        }
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().trim());
    }
    return out;
  }

  private static List<String> languageItems(String text) {
    List<String> items = new ArrayList<>();
    for (String part : SEPARATORS.split(text)) {
      items.addAll(splitList(part));
    }
    return items;
  }

  private static String[] language(String item) {
    Matcher m = LEVEL.matcher(item);
    if (m.matches()) {
      return new String[] {m.group(1).isBlank() ? null : m.group(1).trim(), m.group(2).trim()};
    }
    Matcher c = Pattern.compile("^(.+?)\\s*(?::|\\s[\u2013\u2014-])\\s*(.+)$").matcher(item);
    if (c.matches()) {
      return new String[] {c.group(1).trim(), c.group(2).trim()};
    }
    return new String[] {item.trim(), null};
  }

  private List<Reference> references(List<Line> body, double base, int offset) {
    List<Reference> out = new ArrayList<>();
    List<String> text = new ArrayList<>();
    for (Line l : body) {
      String t = l.text();
      Matcher m = Pattern.compile("^[\u2014\u2013-]\\s*(.+)$").matcher(t);
      if (m.matches()) {
        String p = "/references/" + (offset + out.size());
        out.add(new Reference(null, m.group(1).trim(), text.isEmpty() ? null : String.join("\n", text), Map.of()));
        conf(p + "/name", base * 0.9);
        if (!text.isEmpty()) {
          conf(p + "/reference", base * 0.85);
        }
        text.clear();
      } else {
        text.add(t);
      }
    }
    if (!text.isEmpty()) {
      String p = "/references/" + (offset + out.size());
      out.add(new Reference(null, null, String.join("\n", text), Map.of()));
      conf(p + "/reference", base * 0.7);
    }
    return out;
  }

  private void conf(String pointer, double value) {
    confidence.put(pointer, Math.round(value * 100) / 100.0);
  }
}
