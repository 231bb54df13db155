package dev.altocv.render.internal;

import dev.altocv.render.internal.View.Dates;
import dev.altocv.render.internal.View.Entry;
import dev.altocv.render.internal.View.Group;
import dev.altocv.render.internal.View.Header;
import dev.altocv.render.internal.View.Labelled;
import dev.altocv.render.internal.View.Lang;
import dev.altocv.render.internal.View.ProfileItem;
import dev.altocv.render.internal.View.Ref;
import dev.altocv.render.internal.View.Section;
import dev.altocv.render.internal.View.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain text for pasting into an applicant-tracking system's form: no tabs, no columns, ASCII bullets and
 * separators, headings in capitals, one blank line between sections, lines not wrapped.
 */
public final class TextWriter {
  private TextWriter() {}

  /**
   * Writes the text.
   *
   * @param doc the view
   * @return the text, ending in a newline
   */
  public static String write(View.Document doc) {
    StringBuilder b = new StringBuilder(8192);
    Header h = doc.header();
    line(b, h.name() == null ? "" : h.name().text());
    line(b, h.label() == null ? "" : h.label().text());
    line(b, join(h.contact(), " | "));
    List<String> profiles = new ArrayList<>();
    for (ProfileItem p : h.profiles()) {
      StringBuilder s = new StringBuilder();
      if (p.network() != null) {
        s.append(p.network().text()).append(p.value().isEmpty() ? "" : ": ");
      }
      for (Text v : p.value()) {
        s.append(v.shown());
      }
      if (p.value().size() > 1) {
        s.append(')');
      }
      profiles.add(s.toString());
    }
    line(b, String.join(" | ", profiles));
    for (Section s : doc.sections()) {
      b.append('\n');
      line(b, s.title().text().toUpperCase(Locale.ROOT));
      switch (s.kind()) {
        case PARAGRAPHS -> s.paragraphs().forEach(p -> line(b, p.text()));
        case ENTRIES -> {
          boolean first = true;
          for (Entry e : s.entries()) {
            if (!first) {
              b.append('\n');
            }
            first = false;
            entry(b, e);
          }
        }
        case GROUPS -> {
          for (Group g : s.groups()) {
            StringBuilder l = new StringBuilder();
            if (g.name() != null) {
              l.append(g.name().text());
            }
            if (g.level() != null) {
              l.append(g.name() != null ? " (" : "(").append(g.level().text()).append(')');
            }
            if (l.length() > 0 && !g.keywords().isEmpty()) {
              l.append(": ");
            }
            l.append(join(g.keywords(), ", "));
            line(b, l.toString());
          }
        }
        case LANGUAGES -> {
          for (Lang l : s.languages()) {
            String lang = l.language() == null ? "" : l.language().text();
            line(b, l.fluency() == null ? lang : lang + (lang.isEmpty() ? "(" : " (") + l.fluency().text() + ")");
          }
        }
        case REFERENCES -> {
          for (Ref r : s.references()) {
            if (r.text() != null) {
              line(b, r.text().text());
            }
            if (r.name() != null) {
              line(b, "- " + r.name().text());
            }
          }
        }
        default -> throw new IllegalStateException(s.kind().toString());
      }
    }
    return b.toString();
  }

  private static void entry(StringBuilder b, Entry e) {
    String dates = e.dates() == null ? "" : dates(e.dates());
    line(b, e.title() == null ? "" : e.title().text());
    List<String> sub = new ArrayList<>();
    for (Text t : e.subtitle()) {
      sub.add(t.shown());
    }
    if (!dates.isEmpty()) {
      sub.add(dates);
    }
    line(b, String.join(" | ", sub));
    e.paragraphs().forEach(p -> line(b, p.text()));
    e.bullets().forEach(p -> line(b, "- " + p.text()));
    for (Labelled l : e.lists()) {
      line(b, l.label() + ": " + join(l.items(), ", "));
    }
  }

  static String dates(Dates d) {
    if (d.single()) {
      return d.start().text();
    }
    return d.start().text() + " - " + (d.end() == null ? DateText.PRESENT : d.end().text());
  }

  private static String join(List<Text> texts, String sep) {
    StringBuilder s = new StringBuilder();
    for (Text t : texts) {
      if (s.length() > 0) {
        s.append(sep);
      }
      s.append(t.shown());
    }
    return s.toString();
  }

  private static void line(StringBuilder b, String s) {
    if (!s.isEmpty()) {
      b.append(s).append('\n');
    }
  }
}
