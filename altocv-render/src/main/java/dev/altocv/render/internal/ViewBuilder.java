package dev.altocv.render.internal;

import dev.altocv.core.model.Award;
import dev.altocv.core.model.Basics;
import dev.altocv.core.model.Certificate;
import dev.altocv.core.model.CustomItem;
import dev.altocv.core.model.CustomSection;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Education;
import dev.altocv.core.model.Interest;
import dev.altocv.core.model.Language;
import dev.altocv.core.model.Layout;
import dev.altocv.core.model.Location;
import dev.altocv.core.model.Profile;
import dev.altocv.core.model.Project;
import dev.altocv.core.model.Publication;
import dev.altocv.core.model.Reference;
import dev.altocv.core.model.Skill;
import dev.altocv.core.model.Volunteer;
import dev.altocv.core.model.Work;
import dev.altocv.render.internal.View.Dates;
import dev.altocv.render.internal.View.Entry;
import dev.altocv.render.internal.View.Group;
import dev.altocv.render.internal.View.Header;
import dev.altocv.render.internal.View.Kind;
import dev.altocv.render.internal.View.Labelled;
import dev.altocv.render.internal.View.Lang;
import dev.altocv.render.internal.View.ProfileItem;
import dev.altocv.render.internal.View.Ref;
import dev.altocv.render.internal.View.Section;
import dev.altocv.render.internal.View.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Builds the {@link View.Document} of a CV for a template: what is shown, in which order, on which line. */
public final class ViewBuilder {
  private ViewBuilder() {}

  /** Separator between the parts of a subtitle or contact line. */
  public static final String SEP = " \u00b7 ";

  /** Label of a course list. */
  public static final String COURSES = "Courses";
  /** Label of a project's keywords. */
  public static final String TECHNOLOGIES = "Technologies";
  /** Prefix of an education score. */
  public static final String GRADE = "Grade: ";

  private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u2028\\u2029]+");
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\s*(?:\\r?\\n|\\u2029)\\s*");

  /**
   * Builds the view.
   *
   * @param cv the CV
   * @param template the template
   * @return the view
   */
  public static View.Document build(Cv cv, TemplateSpec template) {
    Basics b = cv.basics();
    Header header = header(b);
    List<Section> sections = new ArrayList<>();
    for (String key : order(cv, template)) {
      Section s = section(cv, key, template);
      if (s != null) {
        sections.add(s);
      }
    }
    String name = clean(b.name());
    String title = name.isEmpty() ? "CV" : name + " \u2013 CV";
    String subject = clean(b.label()).isEmpty() ? "Curriculum vitae" : clean(b.label());
    Set<String> keywords = new LinkedHashSet<>();
    for (Skill s : cv.skills()) {
      if (!clean(s.name()).isEmpty()) {
        keywords.add(clean(s.name()));
      }
      for (String k : s.keywords()) {
        if (!clean(k).isEmpty()) {
          keywords.add(clean(k));
        }
      }
    }
    List<String> kw = new ArrayList<>(keywords);
    return new View.Document(header, sections, title, name, subject, kw.subList(0, Math.min(kw.size(), 60)));
  }

  /**
   * The section keys in the order shown: the design's order first, then the template's default order, then
   * custom sections in document order. Sections without content are dropped later.
   *
   * @param cv the CV
   * @param template the template
   * @return section keys and custom section ids
   */
  static List<String> order(Cv cv, TemplateSpec template) {
    Set<String> customIds = new LinkedHashSet<>();
    for (CustomSection s : cv.altocv().customSections()) {
      customIds.add(s.id());
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String s : cv.altocv().design().layout().sectionOrder()) {
      if (Layout.SECTIONS.contains(s) || customIds.contains(s)) {
        out.add(s);
      }
    }
    out.addAll(template.sectionOrder());
    out.addAll(Layout.SECTIONS);
    out.addAll(customIds);
    return new ArrayList<>(out);
  }

  private static Header header(Basics b) {
    Text name = text(b.name(), "/basics/name");
    Text label = text(b.label(), "/basics/label");
    List<Text> contact = new ArrayList<>();
    String email = clean(b.email());
    if (!email.isEmpty()) {
      contact.add(new Text("", email, "/basics/email", email.contains("@") ? "mailto:" + email : null));
    }
    String phone = clean(b.phone());
    if (!phone.isEmpty()) {
      String digits = phone.replaceAll("[^0-9+]", "");
      contact.add(new Text("", phone, "/basics/phone", digits.length() >= 5 ? "tel:" + digits : null));
    }
    add(contact, link(b.url(), "/basics/url"));
    Text loc = location(b.location());
    if (loc != null) {
      contact.add(loc);
    }
    List<ProfileItem> profiles = new ArrayList<>();
    for (Profile p : b.profiles()) {
      String ptr = "/basics/profiles/[id=" + p.id() + "]";
      String url = clean(p.url());
      String user = clean(p.username());
      List<Text> value = new ArrayList<>();
      if (!url.isEmpty() && (user.isEmpty() || user.equalsIgnoreCase(lastSegment(url)))) {
        value.add(new Text("", url, ptr + "/url", safeHref(url)));
      } else if (!url.isEmpty()) {
        value.add(new Text("", user, ptr + "/username", null));
        value.add(new Text(" (", url, ptr + "/url", safeHref(url)));
      } else if (!user.isEmpty()) {
        value.add(new Text("", user, ptr + "/username", null));
      }
      Text network = text(p.network(), ptr + "/network");
      if (network == null && value.isEmpty()) {
        continue;
      }
      profiles.add(new ProfileItem(ptr, network, value, url.isEmpty() ? null : safeHref(url)));
    }
    return new Header(name, label, contact, profiles);
  }

  /**
   * The last path segment of a URL, without a leading {@code @} (the user name most profile URLs end in).
   *
   * @param url the URL
   * @return the segment, or empty
   */
  public static String lastSegment(String url) {
    String u = url.replaceAll("[?#].*$", "").replaceAll("/+$", "");
    int slash = u.lastIndexOf('/');
    if (slash < 0 || u.substring(0, slash).endsWith("/") || u.substring(0, slash).endsWith(":")) {
      return "";
    }
    String seg = u.substring(slash + 1);
    return seg.startsWith("@") ? seg.substring(1) : seg;
  }

  private static @Nullable Text location(Location l) {
    List<String> parts = new ArrayList<>();
    for (String p : new String[] {l.city(), l.region(), l.countryCode()}) {
      String c = clean(p);
      if (!c.isEmpty()) {
        parts.add(c);
      }
    }
    return parts.isEmpty() ? null : new Text("", String.join(", ", parts), "/basics/location", null);
  }

  private static @Nullable Section section(Cv cv, String key, TemplateSpec t) {
    String ptr = "/" + key;
    switch (key) {
      case "summary": {
        List<Text> paras = paragraphs(cv.basics().summary(), "/basics/summary");
        return paras.isEmpty() ? null : new Section(key, heading(t, key), "/basics/summary", Kind.PARAGRAPHS, paras,
            List.of(), List.of(), List.of(), List.of());
      }
      case "work": {
        List<Entry> es = new ArrayList<>();
        for (Work w : cv.work()) {
          String p = ptr + "/[id=" + w.id() + "]";
          es.add(entry(p, text(w.position(), p + "/position"),
              parts(text(w.name(), p + "/name"), text(w.location(), p + "/location"), link(w.url(), p + "/url")),
              range(w.startDate(), w.endDate(), p, t), paragraphs(w.summary(), p + "/summary"),
              bullets(w.highlights(), p + "/highlights"), List.of()));
        }
        return entries(key, t, es);
      }
      case "volunteer": {
        List<Entry> es = new ArrayList<>();
        for (Volunteer v : cv.volunteer()) {
          String p = ptr + "/[id=" + v.id() + "]";
          es.add(entry(p, text(v.position(), p + "/position"),
              parts(text(v.organization(), p + "/organization"), link(v.url(), p + "/url")),
              range(v.startDate(), v.endDate(), p, t), paragraphs(v.summary(), p + "/summary"),
              bullets(v.highlights(), p + "/highlights"), List.of()));
        }
        return entries(key, t, es);
      }
      case "education": {
        List<Entry> es = new ArrayList<>();
        for (Education e : cv.education()) {
          String p = ptr + "/[id=" + e.id() + "]";
          Text score = text(e.score(), p + "/score");
          if (score != null) {
            score = new Text(GRADE, score.text(), score.pointer(), null);
          }
          List<Labelled> lists = new ArrayList<>();
          List<Text> courses = bullets(e.courses(), p + "/courses");
          if (!courses.isEmpty()) {
            lists.add(new Labelled(COURSES, p + "/courses", courses));
          }
          es.add(entry(p, text(e.institution(), p + "/institution"),
              parts(text(e.studyType(), p + "/studyType"), text(e.area(), p + "/area"), score,
                  link(e.url(), p + "/url")),
              range(e.startDate(), e.endDate(), p, t), List.of(), List.of(), lists));
        }
        return entries(key, t, es);
      }
      case "projects": {
        List<Entry> es = new ArrayList<>();
        for (Project pr : cv.projects()) {
          String p = ptr + "/[id=" + pr.id() + "]";
          List<String> roles = new ArrayList<>();
          for (String r : pr.roles()) {
            if (!clean(r).isEmpty()) {
              roles.add(clean(r));
            }
          }
          Text rolesText = roles.isEmpty() ? null : new Text("", String.join(", ", roles), p + "/roles", null);
          List<Labelled> lists = new ArrayList<>();
          List<Text> kws = bullets(pr.keywords(), p + "/keywords");
          if (!kws.isEmpty()) {
            lists.add(new Labelled(TECHNOLOGIES, p + "/keywords", kws));
          }
          es.add(entry(p, text(pr.name(), p + "/name"), parts(rolesText, link(pr.url(), p + "/url")),
              range(pr.startDate(), pr.endDate(), p, t), paragraphs(pr.description(), p + "/description"),
              bullets(pr.highlights(), p + "/highlights"), lists));
        }
        return entries(key, t, es);
      }
      case "certificates": {
        List<Entry> es = new ArrayList<>();
        for (Certificate c : cv.certificates()) {
          String p = ptr + "/[id=" + c.id() + "]";
          es.add(entry(p, text(c.name(), p + "/name"), parts(text(c.issuer(), p + "/issuer"), link(c.url(), p + "/url")),
              single(c.date(), p + "/date", t), List.of(), List.of(), List.of()));
        }
        return entries(key, t, es);
      }
      case "awards": {
        List<Entry> es = new ArrayList<>();
        for (Award a : cv.awards()) {
          String p = ptr + "/[id=" + a.id() + "]";
          es.add(entry(p, text(a.title(), p + "/title"), parts(text(a.awarder(), p + "/awarder")),
              single(a.date(), p + "/date", t), paragraphs(a.summary(), p + "/summary"), List.of(), List.of()));
        }
        return entries(key, t, es);
      }
      case "publications": {
        List<Entry> es = new ArrayList<>();
        for (Publication pb : cv.publications()) {
          String p = ptr + "/[id=" + pb.id() + "]";
          es.add(entry(p, text(pb.name(), p + "/name"),
              parts(text(pb.publisher(), p + "/publisher"), link(pb.url(), p + "/url")),
              single(pb.releaseDate(), p + "/releaseDate", t), paragraphs(pb.summary(), p + "/summary"),
              List.of(), List.of()));
        }
        return entries(key, t, es);
      }
      case "skills": {
        List<Group> gs = new ArrayList<>();
        for (Skill s : cv.skills()) {
          String p = ptr + "/[id=" + s.id() + "]";
          Group g = new Group(p, text(s.name(), p + "/name"), text(s.level(), p + "/level"),
              bullets(s.keywords(), p + "/keywords"));
          if (g.name() != null || g.level() != null || !g.keywords().isEmpty()) {
            gs.add(g);
          }
        }
        return gs.isEmpty() ? null : new Section(key, heading(t, key), ptr, Kind.GROUPS, List.of(), List.of(), gs,
            List.of(), List.of());
      }
      case "interests": {
        List<Group> gs = new ArrayList<>();
        for (Interest i : cv.interests()) {
          String p = ptr + "/[id=" + i.id() + "]";
          Group g = new Group(p, text(i.name(), p + "/name"), null, bullets(i.keywords(), p + "/keywords"));
          if (g.name() != null || !g.keywords().isEmpty()) {
            gs.add(g);
          }
        }
        return gs.isEmpty() ? null : new Section(key, heading(t, key), ptr, Kind.GROUPS, List.of(), List.of(), gs,
            List.of(), List.of());
      }
      case "languages": {
        List<Lang> ls = new ArrayList<>();
        for (Language l : cv.languages()) {
          String p = ptr + "/[id=" + l.id() + "]";
          Lang x = new Lang(p, text(l.language(), p + "/language"), text(l.fluency(), p + "/fluency"));
          if (x.language() != null || x.fluency() != null) {
            ls.add(x);
          }
        }
        return ls.isEmpty() ? null : new Section(key, heading(t, key), ptr, Kind.LANGUAGES, List.of(), List.of(),
            List.of(), ls, List.of());
      }
      case "references": {
        List<Ref> rs = new ArrayList<>();
        for (Reference r : cv.references()) {
          String p = ptr + "/[id=" + r.id() + "]";
          Ref x = new Ref(p, text(r.reference(), p + "/reference"), text(r.name(), p + "/name"));
          if (x.text() != null || x.name() != null) {
            rs.add(x);
          }
        }
        return rs.isEmpty() ? null : new Section(key, heading(t, key), ptr, Kind.REFERENCES, List.of(), List.of(),
            List.of(), List.of(), rs);
      }
      default:
        return custom(cv, key, t);
    }
  }

  private static @Nullable Section custom(Cv cv, String id, TemplateSpec t) {
    for (CustomSection s : cv.altocv().customSections()) {
      if (!id.equals(s.id())) {
        continue;
      }
      String ptr = "/altocv/customSections/[id=" + s.id() + "]";
      List<Entry> es = new ArrayList<>();
      for (CustomItem i : s.items()) {
        String p = ptr + "/items/[id=" + i.id() + "]";
        Dates d = clean(i.endDate()).isEmpty() ? single(i.startDate(), p + "/startDate", t)
            : range(i.startDate(), i.endDate(), p, t);
        Entry e = entry(p, text(i.title(), p + "/title"),
            parts(text(i.subtitle(), p + "/subtitle"), text(i.location(), p + "/location"), link(i.url(), p + "/url")),
            d, paragraphs(i.summary(), p + "/summary"), bullets(i.highlights(), p + "/highlights"), List.of());
        if (!isEmpty(e)) {
          es.add(e);
        }
      }
      String title = clean(s.title());
      if (es.isEmpty() || title.isEmpty()) {
        return null;
      }
      return new Section(id, new Text("", title, ptr + "/title", null), ptr, Kind.ENTRIES, List.of(), es, List.of(),
          List.of(), List.of());
    }
    return null;
  }

  private static Text heading(TemplateSpec t, String key) {
    return new Text("", t.heading(key), "/" + key, null);
  }

  private static @Nullable Section entries(String key, TemplateSpec t, List<Entry> es) {
    es.removeIf(ViewBuilder::isEmpty);
    return es.isEmpty() ? null
        : new Section(key, heading(t, key), "/" + key, Kind.ENTRIES, List.of(), es, List.of(), List.of(), List.of());
  }

  private static boolean isEmpty(Entry e) {
    return e.title() == null && e.subtitle().isEmpty() && e.dates() == null && e.paragraphs().isEmpty()
        && e.bullets().isEmpty() && e.lists().isEmpty();
  }

  private static Entry entry(String ptr, @Nullable Text title, List<Text> subtitle, @Nullable Dates dates,
      List<Text> paragraphs, List<Text> bullets, List<Labelled> lists) {
    return new Entry(ptr, title, subtitle, dates, paragraphs, bullets, lists);
  }

  private static List<Text> parts(@Nullable Text... parts) {
    List<Text> out = new ArrayList<>();
    for (Text p : parts) {
      add(out, p);
    }
    return out;
  }

  private static void add(List<Text> out, @Nullable Text t) {
    if (t != null) {
      out.add(t);
    }
  }

  private static @Nullable Dates range(@Nullable String start, @Nullable String end, String ptr, TemplateSpec t) {
    String s = clean(start);
    String e = clean(end);
    if (s.isEmpty() && e.isEmpty()) {
      return null;
    }
    if (s.isEmpty()) {
      return new Dates(new Text("", DateText.format(e, t.dateStyle()), ptr + "/endDate", null), null, true,
          ptr + "/endDate");
    }
    Text st = new Text("", DateText.format(s, t.dateStyle()), ptr + "/startDate", null);
    Text en = e.isEmpty() ? null : new Text("", DateText.format(e, t.dateStyle()), ptr + "/endDate", null);
    return new Dates(st, en, false, ptr + "/endDate");
  }

  private static @Nullable Dates single(@Nullable String date, String ptr, TemplateSpec t) {
    String d = clean(date);
    return d.isEmpty() ? null : new Dates(new Text("", DateText.format(d, t.dateStyle()), ptr, null), null, true, ptr);
  }

  private static @Nullable Text text(@Nullable String value, String pointer) {
    String c = clean(value);
    return c.isEmpty() ? null : new Text("", c, pointer, null);
  }

  private static @Nullable Text link(@Nullable String url, String pointer) {
    String c = clean(url);
    return c.isEmpty() ? null : new Text("", c, pointer, safeHref(c));
  }

  private static List<Text> paragraphs(@Nullable String value, String pointer) {
    List<Text> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    for (String p : PARAGRAPH_BREAK.split(stripControls(value).trim())) {
      String c = clean(p);
      if (!c.isEmpty()) {
        out.add(new Text("", c, pointer, null));
      }
    }
    return out;
  }

  private static List<Text> bullets(List<String> values, String pointer) {
    List<Text> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String c = clean(values.get(i));
      if (!c.isEmpty()) {
        out.add(new Text("", c, pointer + "/" + i, null));
      }
    }
    return out;
  }

  /**
   * A link target that is safe to put in an href: http, https, mailto and tel as given; a bare domain gets
   * {@code https://}; anything else (javascript:, data:, file:...) gets no link at all.
   *
   * @param url the URL as the person wrote it
   * @return the target, or null
   */
  public static @Nullable String safeHref(String url) {
    String u = url.trim();
    String lower = u.toLowerCase(Locale.ROOT);
    if (u.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`')) {
      return null;
    }
    if (lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")
        || lower.startsWith("tel:")) {
      return u;
    }
    if (lower.matches("(www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}(/.*)?")) {
      return "https://" + u;
    }
    return null;
  }

  /**
   * Text as shown: controls removed, runs of white space one space, trimmed.
   *
   * @param s the text or null
   * @return the clean text, empty for null
   */
  public static String clean(@Nullable String s) {
    if (s == null) {
      return "";
    }
    return SPACE.matcher(stripControls(s)).replaceAll(" ").trim();
  }

  /**
   * Removes characters XML cannot carry and invisible controls (keeps tab and line breaks).
   *
   * @param s the text
   * @return the text without them
   */
  public static String stripControls(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff
          || (c >= 0x7f && c <= 0x9f) || c == 0x200b || c == 0xfeff
          || (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))))
          || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))));
      if (bad) {
        if (b == null) {
          b = new StringBuilder(s.length()).append(s, 0, i);
        }
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * Every text a CV shows, for choosing fallback fonts.
   *
   * @param doc the view
   * @return the texts concatenated
   */
  public static String allText(View.Document doc) {
    StringBuilder b = new StringBuilder();
    Header h = doc.header();
    append(b, h.name());
    append(b, h.label());
    h.contact().forEach(t -> append(b, t));
    for (ProfileItem p : h.profiles()) {
      append(b, p.network());
      p.value().forEach(t -> append(b, t));
    }
    for (Section s : doc.sections()) {
      append(b, s.title());
      s.paragraphs().forEach(t -> append(b, t));
      for (Entry e : s.entries()) {
        append(b, e.title());
        e.subtitle().forEach(t -> append(b, t));
        if (e.dates() != null) {
          append(b, e.dates().start());
          append(b, e.dates().end());
        }
        e.paragraphs().forEach(t -> append(b, t));
        e.bullets().forEach(t -> append(b, t));
        e.lists().forEach(l -> l.items().forEach(t -> append(b, t)));
      }
      for (Group g : s.groups()) {
        append(b, g.name());
        append(b, g.level());
        g.keywords().forEach(t -> append(b, t));
      }
      for (Lang l : s.languages()) {
        append(b, l.language());
        append(b, l.fluency());
      }
      for (Ref r : s.references()) {
        append(b, r.text());
        append(b, r.name());
      }
    }
    return b.toString();
  }

  private static void append(StringBuilder b, @Nullable Text t) {
    if (t != null) {
      b.append(t.prefix()).append(t.text()).append(' ');
    }
  }

}
