package dev.altocv.render;

import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Design;
import dev.altocv.core.model.FontPairing;
import dev.altocv.render.internal.DocxWriter;
import dev.altocv.render.internal.Fonts;
import dev.altocv.render.internal.HtmlWriter;
import dev.altocv.render.internal.PdfWriter;
import dev.altocv.render.internal.Styles;
import dev.altocv.render.internal.TemplateSpec;
import dev.altocv.render.internal.Templates;
import dev.altocv.render.internal.TextWriter;
import dev.altocv.render.internal.View;
import dev.altocv.render.internal.ViewBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point of altocv-render: templates, the live preview, and exports. Stateless and thread-safe; the
 * design settings are read from the CV ({@code cv.altocv().design()}).
 *
 * <pre>{@code
 * Cv cv = AltoCv.read(Path.of("resume.json"));
 * byte[] pdf = Render.pdf(cv);                                   // tagged PDF, fonts embedded as subsets
 * String page = Render.previewHtml(cv, PreviewOptions.DEFAULT.withFontBaseUrl("/fonts/"));
 * byte[] docx = Render.export(cv, ExportFormat.DOCX);
 * }</pre>
 *
 * <p><b>The preview page</b> is the same markup the PDF is made from, as a full HTML page. Its design settings
 * are CSS custom properties on {@code :root} ({@link #cssVariables(Design)}), so an editor changes colours,
 * fonts, sizes, spacing and paper live by setting variables, with no server call: from a sandboxed iframe
 * (scripts allowed, same origin not needed) with the bridge on, post
 * {@code {type: "altocv:design", vars: {"--cv-primary": "#0B3D2E"}, paper: "Letter"}}. Every element that
 * shows a field has {@code data-cv-pointer} (for example {@code /work/[id=w2]/highlights/0}); with the bridge
 * on, a click posts {@code {type: "altocv:focus", pointer}} to the parent. A dashed line marks where each
 * page's content ends. A change of template or content needs a new page.
 *
 * <p><b>No outside resource</b> is ever loaded while rendering: the PDF renderer refuses every URI (http,
 * https, file, data and any other scheme), and CV text is always escaped.
 *
 * <p>Every method taking a CV throws {@link UnknownTemplateException} when its design names a template that does
 * not exist.
 */
public final class Render {
  private Render() {}

  /**
   * The templates, in the order a picker shows them.
   *
   * @return the templates
   */
  public static List<TemplateInfo> templates() {
    List<TemplateInfo> out = new ArrayList<>();
    for (TemplateSpec t : Templates.all()) {
      out.add(t.info());
    }
    return out;
  }

  /**
   * A template by id.
   *
   * @param id the id, for example {@code modern}
   * @return the template, or empty when there is none with that id
   */
  public static Optional<TemplateInfo> template(String id) {
    return Templates.exists(id) ? Optional.of(Templates.get(id).info()) : Optional.empty();
  }

  /**
   * The live preview page with the bridge script and no font URLs.
   *
   * @param cv the CV
   * @return a full HTML page
   */
  public static String previewHtml(Cv cv) {
    return previewHtml(cv, PreviewOptions.DEFAULT);
  }

  /**
   * The live preview page.
   *
   * @param cv the CV
   * @param options font URLs and the bridge
   * @return a full HTML page
   */
  public static String previewHtml(Cv cv, PreviewOptions options) {
    Objects.requireNonNull(options, "options");
    return html(cv, HtmlWriter.Mode.PREVIEW, new HtmlWriter.BrowserOptions(options.fontBaseUrl(), options.bridge()));
  }

  /**
   * A standalone HTML page of the CV (no script; fonts by name with generic fallbacks).
   *
   * @param cv the CV
   * @return a full HTML page
   */
  public static String html(Cv cv) {
    return html(cv, HtmlWriter.Mode.EXPORT, new HtmlWriter.BrowserOptions(null, false));
  }

  private static String html(Cv cv, HtmlWriter.Mode mode, HtmlWriter.BrowserOptions options) {
    Design design = cv.altocv().design();
    TemplateSpec t = Templates.get(design.templateId());
    return HtmlWriter.write(ViewBuilder.build(cv, t), t, design, mode, options, Map.of());
  }

  /**
   * The CV as a PDF: real selectable text in reading order, tagged for accessibility (PDF/UA), links
   * clickable, title/author/keywords set, fonts embedded as subsets.
   *
   * @param cv the CV
   * @return the PDF
   * @throws RenderException when the layout fails
   */
  public static byte[] pdf(Cv cv) {
    return pdf(cv, PdfOptions.DEFAULT);
  }

  /**
   * The CV as a PDF, with options.
   *
   * @param cv the CV
   * @param options whether to tag the PDF
   * @return the PDF
   * @throws RenderException when the layout fails
   */
  public static byte[] pdf(Cv cv, PdfOptions options) {
    Objects.requireNonNull(options, "options");
    Design design = cv.altocv().design();
    TemplateSpec t = Templates.get(design.templateId());
    View.Document doc = ViewBuilder.build(cv, t);
    FontPairing f = design.typography().fontPairing();
    List<String> main = f.headingFamily().equals(f.bodyFamily()) ? List.of(f.bodyFamily())
        : List.of(f.headingFamily(), f.bodyFamily());
    String text = ViewBuilder.allText(doc);
    List<String> fallbacks = Fonts.fallbacksFor(text, main);
    String xhtml = HtmlWriter.write(doc, t, design, HtmlWriter.Mode.PDF, new HtmlWriter.BrowserOptions(null, false),
        Styles.resolved(design, fallbacks));
    List<String> families = new ArrayList<>(main);
    families.addAll(fallbacks);
    return PdfWriter.render(xhtml, families, PdfWriter.rightToLeft(text), options.tagged());
  }

  /**
   * The CV as a Word document: real headings and lists, no tables.
   *
   * @param cv the CV
   * @return the .docx bytes
   */
  public static byte[] docx(Cv cv) {
    Design design = cv.altocv().design();
    TemplateSpec t = Templates.get(design.templateId());
    return DocxWriter.write(ViewBuilder.build(cv, t), design);
  }

  /**
   * The CV as plain text for an applicant-tracking system's form.
   *
   * @param cv the CV
   * @return the text
   */
  public static String text(Cv cv) {
    Design design = cv.altocv().design();
    TemplateSpec t = Templates.get(design.templateId());
    return TextWriter.write(ViewBuilder.build(cv, t));
  }

  /**
   * The CV in a format.
   *
   * @param cv the CV
   * @param format the format ({@link ExportFormat#JSON} is the JSON Resume document)
   * @return the bytes (text formats in UTF-8)
   */
  public static byte[] export(Cv cv, ExportFormat format) {
    return switch (format) {
      case PDF -> pdf(cv);
      case DOCX -> docx(cv);
      case TXT -> text(cv).getBytes(StandardCharsets.UTF_8);
      case HTML -> html(cv).getBytes(StandardCharsets.UTF_8);
      case JSON -> AltoCv.writeJsonResume(cv).getBytes(StandardCharsets.UTF_8);
    };
  }

  /**
   * The CSS custom properties of a design, as the preview page declares them on {@code :root}: one per design
   * setting. Colours are {@code #RRGGBB}; {@code --cv-heading-font}/{@code --cv-body-font} are font lists;
   * sizes in {@code pt}; {@code --cv-line-height} and {@code --cv-density} plain numbers; margins and the
   * page size in {@code mm}.
   *
   * @param design the design
   * @return variable name to value, in a stable order
   */
  public static Map<String, String> cssVariables(Design design) {
    return Styles.base(design, List.of(Fonts.SYMBOL_FALLBACK, Fonts.CJK_FALLBACK), true);
  }

  /**
   * The file names of the shipped fonts, to serve them for the preview.
   *
   * @return names such as {@code Lato-Bold.ttf}
   */
  public static List<String> fontFiles() {
    List<String> out = new ArrayList<>();
    Fonts.FACES.forEach(f -> out.add(f.file()));
    return out;
  }

  /**
   * A shipped font file, unchanged (TrueType).
   *
   * @param fileName a name from {@link #fontFiles()}
   * @return its bytes, or empty for an unknown name
   */
  public static Optional<byte[]> fontFile(String fileName) {
    return Fonts.file(fileName);
  }
}
