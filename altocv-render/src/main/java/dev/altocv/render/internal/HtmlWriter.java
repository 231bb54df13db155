package dev.altocv.render.internal;

import dev.altocv.core.model.Design;
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
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the CV's markup: one XHTML document that openhtmltopdf lays out as the PDF and a browser shows as the
 * preview. Every element that shows a field carries {@code data-cv-pointer}, the field's pointer, so a click
 * in the preview can focus that field in the editor.
 */
public final class HtmlWriter {
  private HtmlWriter() {}

  /** What the markup is for. */
  public enum Mode {
    /** The editor's live preview: CSS variables, page guides, the message bridge. */
    PREVIEW,
    /** A standalone HTML file: CSS variables, no script. */
    EXPORT,
    /** Input to openhtmltopdf: every variable resolved, print CSS only. */
    PDF
  }

  /**
   * Options of the browser modes.
   *
   * @param fontBaseUrl where the shipped fonts are served (ending in {@code /}), or null for no
   *     {@code @font-face} rules
   * @param bridge whether to include the message bridge script (preview)
   */
  public record BrowserOptions(@Nullable String fontBaseUrl, boolean bridge) {}

  /** The message bridge between the preview iframe and the editor. */
  static final String BRIDGE = """
      (function () {
        var root = document.documentElement;
        var NAME = /^--cv-[a-z0-9-]+$/, VALUE = /^[#'"A-Za-z0-9 .,%()*+\\/-]{0,200}$/;
        window.addEventListener('message', function (e) {
          if (e.source !== window.parent || !e.data || e.data.type !== 'altocv:design') return;
          var vars = e.data.vars || {};
          Object.keys(vars).forEach(function (k) {
            if (NAME.test(k) && typeof vars[k] === 'string' && VALUE.test(vars[k])) root.style.setProperty(k, vars[k]);
          });
          if (e.data.paper === 'A4' || e.data.paper === 'Letter') root.setAttribute('data-paper', e.data.paper);
        });
        document.addEventListener('click', function (e) {
          var el = e.target && e.target.closest ? e.target.closest('[data-cv-pointer]') : null;
          if (el) window.parent.postMessage({type: 'altocv:focus', pointer: el.getAttribute('data-cv-pointer')}, '*');
        });
        window.parent.postMessage({type: 'altocv:ready', height: document.documentElement.scrollHeight}, '*');
      })();
      """;

  /** Screen-only rules of the preview and the HTML export: the page as a sheet of paper. */
  static final String SCREEN_CSS = """
      @media screen {
        html { background: #e8eaed; }
        body { margin: 0; padding: 24px 0; }
        .cv-sheet { box-sizing: border-box; width: var(--cv-page-width); min-height: var(--cv-page-height);
          margin: 0 auto; padding: var(--cv-page-margin); background-color: var(--cv-background);
          box-shadow: 0 1px 4px rgba(0, 0, 0, .25); }
      }
      """;

  /**
   * Page guides of the preview: a dashed line where each page's content ends (the page height minus the top and
   * bottom margins); the PDF may break a little earlier to keep an entry together.
   */
  static final String GUIDES_CSS = """
      @media screen {
        .cv-sheet { position: relative; }
        .cv-page-guides { position: absolute; pointer-events: none; left: 0; right: 0;
          top: var(--cv-page-margin); bottom: 0;
          background-image: repeating-linear-gradient(to bottom, transparent 0,
            transparent calc(var(--cv-page-height) - 2 * var(--cv-page-margin) - 1px),
            rgba(200, 30, 30, .55) calc(var(--cv-page-height) - 2 * var(--cv-page-margin) - 1px),
            rgba(200, 30, 30, .55) calc(var(--cv-page-height) - 2 * var(--cv-page-margin))); }
        [data-cv-pointer]:not(:has([data-cv-pointer])):hover { outline: 1px dashed var(--cv-accent);
          outline-offset: 1px; cursor: text; }
      }
      """;

  /**
   * Writes the markup.
   *
   * @param doc the view
   * @param template the template
   * @param design the design
   * @param mode what it is for
   * @param browser options of the browser modes (ignored for the PDF)
   * @param pdfVariables resolved variables for {@link Mode#PDF} (ignored otherwise)
   * @return the document
   */
  public static String write(View.Document doc, TemplateSpec template, Design design, Mode mode,
      BrowserOptions browser, Map<String, String> pdfVariables) {
    Markup m = new Markup();
    if (mode != Mode.PDF) {
      m.raw("<!DOCTYPE html>\n");
    }
    m.open("html", "xmlns", mode == Mode.PDF ? "http://www.w3.org/1999/xhtml" : null, "lang", "en",
        "data-template", template.id(), "data-paper", design.paper().json());
    m.open("head");
    m.empty("meta", "charset", "utf-8");
    if (mode != Mode.PDF) {
      m.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    }
    m.open("title").text(doc.title()).close("title");
    m.empty("meta", "name", "author", "content", doc.author());
    m.empty("meta", "name", "subject", "content", doc.subject());
    if (!doc.keywords().isEmpty()) {
      m.empty("meta", "name", "keywords", "content", String.join(", ", doc.keywords()));
    }
    m.empty("meta", "name", "generator", "content", "AltoCV");
    m.open("style");
    m.raw(css(template, design, mode, browser, pdfVariables));
    m.close("style");
    m.close("head");
    m.open("body", "class", "cv cv-t-" + template.id() + (mode == Mode.PREVIEW ? " cv-preview" : ""));
    m.open("div", "class", "cv-sheet");
    if (mode == Mode.PREVIEW) {
      m.open("div", "class", "cv-page-guides", "aria-hidden", "true").close("div");
    }
    header(m, doc.header(), template);
    for (Section s : doc.sections()) {
      section(m, s, template);
    }
    m.close("div");
    if (mode == Mode.PREVIEW && browser.bridge()) {
      m.open("script").raw(BRIDGE).close("script");
    }
    m.close("body");
    m.close("html");
    return m.toString();
  }

  private static String css(TemplateSpec t, Design design, Mode mode, BrowserOptions browser,
      Map<String, String> pdfVariables) {
    StringBuilder css = new StringBuilder(8192);
    String page = "@page { size: " + Styles.num(design.paper().widthMm()) + "mm " + Styles.num(design.paper().heightMm())
        + "mm; margin: " + Styles.num(design.spacing().contentPadding()) + "mm; }\n";
    if (mode == Mode.PDF) {
      css.append(page);
      css.append(Styles.substitute(Templates.baseCss(), pdfVariables));
      css.append(Styles.substitute(t.css(), pdfVariables));
      return css.toString();
    }
    if (browser.fontBaseUrl() != null) {
      css.append(Fonts.fontFaceCss(browser.fontBaseUrl()));
    }
    Map<String, String> base = Styles.base(design, List.of(Fonts.SYMBOL_FALLBACK, Fonts.CJK_FALLBACK), true);
    base.putAll(Styles.derivedCalc());
    css.append(Styles.rootBlock(base));
    css.append(page);
    css.append(Templates.baseCss());
    css.append(t.css());
    css.append(SCREEN_CSS);
    if (mode == Mode.PREVIEW) {
      css.append(GUIDES_CSS);
    }
    return css.toString();
  }

  private static void header(Markup m, Header h, TemplateSpec t) {
    m.open("div", "class", "cv-header cv-header-" + t.header(), "data-cv-pointer", "/basics");
    if (h.name() != null) {
      m.open("h1", "class", "cv-name", "data-cv-pointer", h.name().pointer()).text(h.name().text()).close("h1");
    }
    if (h.label() != null) {
      m.open("div", "class", "cv-label", "data-cv-pointer", h.label().pointer()).text(h.label().text()).close("div");
    }
    if (!h.contact().isEmpty()) {
      m.open("div", "class", "cv-contact");
      for (int i = 0; i < h.contact().size(); i++) {
        if (i > 0) {
          sep(m);
        }
        field(m, nbsp(h.contact().get(i)), "cv-contact-item");
      }
      m.close("div");
    }
    if (!h.profiles().isEmpty()) {
      m.open("div", "class", "cv-profiles");
      for (int i = 0; i < h.profiles().size(); i++) {
        ProfileItem p = h.profiles().get(i);
        if (i > 0) {
          sep(m);
        }
        // one text, no-break spaces inside: a line may only break between profiles
        StringBuilder text = new StringBuilder();
        if (p.network() != null) {
          text.append(p.network().text()).append(p.value().isEmpty() ? "" : ": ");
        }
        for (Text v : p.value()) {
          text.append(v.prefix()).append(v.text());
        }
        if (p.value().size() > 1) {
          text.append(')');
        }
        String pointer = p.value().isEmpty() ? p.network().pointer() : p.value().get(p.value().size() - 1).pointer();
        m.open("span", "class", "cv-profile", "data-cv-pointer", p.pointer());
        field(m, new Text("", text.toString().replace(' ', '\u00a0'), pointer, p.href()), "cv-profile-value");
        m.close("span");
      }
      m.close("div");
    }
    m.close("div");
  }

  private static void section(Markup m, Section s, TemplateSpec t) {
    String cls = dev.altocv.core.model.Layout.SECTIONS.contains(s.key()) ? s.key() : "custom";
    m.open("div", "class", "cv-section cv-section-" + cls, "data-cv-section", s.key(), "data-cv-pointer", s.pointer());
    m.open("h2", "class", "cv-heading", "data-cv-pointer", s.title().pointer()).text(s.title().text()).close("h2");
    switch (s.kind()) {
      case PARAGRAPHS -> {
        for (Text p : s.paragraphs()) {
          m.open("p", "class", "cv-para cv-summary", "data-cv-pointer", p.pointer()).text(p.text()).close("p");
        }
      }
      case ENTRIES -> {
        for (Entry e : s.entries()) {
          entry(m, e, t);
        }
      }
      case GROUPS -> groups(m, s.groups(), t.skillGrid() && s.key().equals("skills"));
      case LANGUAGES -> languages(m, s.languages(), t.inlineLanguages());
      case REFERENCES -> {
        for (Ref r : s.references()) {
          m.open("div", "class", "cv-ref", "data-cv-pointer", r.pointer());
          if (r.text() != null) {
            m.open("p", "class", "cv-para cv-ref-text", "data-cv-pointer", r.text().pointer())
                .text(r.text().text()).close("p");
          }
          if (r.name() != null) {
            m.open("p", "class", "cv-ref-name");
            plain(m, "\u2014 ");
            field(m, r.name(), null);
            m.close("p");
          }
          m.close("div");
        }
      }
      default -> throw new IllegalStateException(s.kind().toString());
    }
    m.close("div");
  }

  private static void entry(Markup m, Entry e, TemplateSpec t) {
    m.open("div", "class", "cv-entry", "data-cv-pointer", e.pointer());
    m.open("div", "class", "cv-entry-head");
    boolean inline = t.inlineEntries();
    if (e.title() != null || e.dates() != null || inline) {
      m.open("div", "class", "cv-row");
      m.open("div", "class", "cv-row-main");
      if (e.title() != null) {
        field(m, e.title(), "cv-title");
      }
      if (inline && !e.subtitle().isEmpty()) {
        m.open("span", "class", "cv-sub cv-sub-inline");
        for (int i = 0; i < e.subtitle().size(); i++) {
          if (i > 0 || e.title() != null) {
            sep(m);
          }
          field(m, e.subtitle().get(i), null);
        }
        m.close("span");
      }
      m.close("div");
      // an explicit width: openhtmltopdf's automatic table layout can squeeze a cell below its text
      m.open("div", "class", "cv-row-side cv-dates", "style",
          e.dates() == null ? null : "width: " + Styles.num(0.56 * datesLength(e.dates()) + 0.4) + "em");
      if (e.dates() != null) {
        dates(m, e.dates());
      }
      m.close("div");
      m.close("div");
    }
    if (!inline && !e.subtitle().isEmpty()) {
      m.open("div", "class", "cv-sub");
      for (int i = 0; i < e.subtitle().size(); i++) {
        if (i > 0) {
          sep(m);
        }
        field(m, e.subtitle().get(i), null);
      }
      m.close("div");
    }
    m.close("div");
    for (Text p : e.paragraphs()) {
      m.open("p", "class", "cv-para", "data-cv-pointer", p.pointer()).text(p.text()).close("p");
    }
    if (!e.bullets().isEmpty()) {
      m.open("ul", "class", "cv-bullets");
      for (Text b : e.bullets()) {
        m.open("li", "class", "cv-bullet", "data-cv-pointer", b.pointer());
        m.open("span", "class", "cv-mark", "aria-hidden", "true").text("\u2022").close("span");
        m.open("span").text(b.text()).close("span");
        m.close("li");
      }
      m.close("ul");
    }
    for (Labelled l : e.lists()) {
      m.open("div", "class", "cv-list", "data-cv-pointer", l.pointer());
      m.open("span", "class", "cv-list-label").text(l.label() + ": ").close("span");
      for (int i = 0; i < l.items().size(); i++) {
        if (i > 0) {
          plain(m, ", ");
        }
        field(m, l.items().get(i), null);
      }
      m.close("div");
    }
    m.close("div");
  }

  /** Dates never wrap: no-break spaces inside (a table cell does not keep white-space: nowrap in openhtmltopdf). */
  private static void dates(Markup m, Dates d) {
    field(m, nbsp(d.start()), null);
    if (!d.single()) {
      plain(m, "\u00a0\u2013\u00a0");
      if (d.end() != null) {
        field(m, nbsp(d.end()), null);
      } else {
        m.open("span", "data-cv-pointer", d.endPointer()).text(DateText.PRESENT).close("span");
      }
    }
  }

  private static int datesLength(Dates d) {
    return d.start().text().length() + (d.single() ? 0
        : 3 + (d.end() == null ? DateText.PRESENT.length() : d.end().text().length()));
  }

  private static Text nbsp(Text t) {
    return new Text(t.prefix(), t.text().replace(' ', '\u00a0'), t.pointer(), t.href());
  }

  private static void groups(Markup m, List<Group> groups, boolean grid) {
    m.open("div", "class", grid ? "cv-grid" : "cv-groups");
    for (Group g : groups) {
      if (grid) {
        m.open("div", "class", "cv-grid-row", "data-cv-pointer", g.pointer());
        m.open("div", "class", "cv-grid-name");
        groupName(m, g);
        m.close("div");
        m.open("div", "class", "cv-grid-keywords");
        keywords(m, g);
        m.close("div");
        m.close("div");
      } else {
        m.open("div", "class", "cv-group", "data-cv-pointer", g.pointer());
        groupName(m, g);
        if ((g.name() != null || g.level() != null) && !g.keywords().isEmpty()) {
          plain(m, ": ");
        }
        keywords(m, g);
        m.close("div");
      }
    }
    m.close("div");
  }

  private static void groupName(Markup m, Group g) {
    if (g.name() != null) {
      field(m, g.name(), "cv-group-name");
    }
    if (g.level() != null) {
      plain(m, g.name() != null ? " (" : "(");
      field(m, g.level(), "cv-group-level");
      plain(m, ")");
    }
  }

  private static void keywords(Markup m, Group g) {
    for (int i = 0; i < g.keywords().size(); i++) {
      if (i > 0) {
        plain(m, ", ");
      }
      field(m, g.keywords().get(i), null);
    }
  }

  private static void languages(Markup m, List<Lang> langs, boolean inline) {
    m.open("div", "class", inline ? "cv-langs cv-langs-inline" : "cv-langs");
    for (int i = 0; i < langs.size(); i++) {
      Lang l = langs.get(i);
      if (inline && i > 0) {
        sep(m);
      }
      m.open(inline ? "span" : "div", "class", "cv-lang", "data-cv-pointer", l.pointer());
      if (l.language() != null) {
        field(m, l.language(), "cv-lang-name");
      }
      if (l.fluency() != null) {
        plain(m, l.language() != null ? " (" : "(");
        field(m, l.fluency(), null);
        plain(m, ")");
      }
      m.close(inline ? "span" : "div");
    }
    m.close("div");
  }

  /**
   * Text between elements goes in its own span: openhtmltopdf paints a parent's bare text before its child
   * elements, which would scramble the order of the PDF's text.
   */
  private static void plain(Markup m, String text) {
    m.open("span").text(text).close("span");
  }

  private static void sep(Markup m) {
    m.open("span", "class", "cv-sep").text(ViewBuilder.SEP).close("span");
  }

  private static void field(Markup m, Text t, @Nullable String cls) {
    if (!t.prefix().isEmpty()) {
      m.open("span", "class", "cv-prefix").text(t.prefix()).close("span");
    }
    if (t.href() != null) {
      m.open("a", "class", cls, "href", t.href(), "data-cv-pointer", t.pointer()).text(t.text()).close("a");
    } else {
      m.open("span", "class", cls, "data-cv-pointer", t.pointer()).text(t.text()).close("span");
    }
  }
}
