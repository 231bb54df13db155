package dev.altocv.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.core.model.Colors;
import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Density;
import dev.altocv.core.model.Design;
import dev.altocv.core.model.FontPairing;
import dev.altocv.core.model.Layout;
import dev.altocv.core.model.Paper;
import dev.altocv.core.model.Spacing;
import dev.altocv.core.model.Typography;
import dev.altocv.render.internal.HtmlWriter;
import dev.altocv.render.internal.Styles;
import dev.altocv.render.internal.Templates;
import dev.altocv.render.internal.ViewBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live preview: CSS variables for every design setting, pointers on every field, page guides, the bridge. */
class PreviewTest {

  private static final Design DESIGN = new Design("technical", Paper.LETTER,
      new Colors("#0B3D2E", "#C0392B", "#222222", "#FFFFF0"), new Typography(FontPairing.ELEGANT, 15, 9.5, 1.2),
      new Spacing(Density.COMPACT, 4, 12), new Layout(List.of("skills", "cs1", "work")));

  private static Cv cv() {
    return SampleCvs.everySection().toBuilder().design(DESIGN).build();
  }

  @Test
  void designSettingsAreCssVariables() {
    Map<String, String> vars = Render.cssVariables(DESIGN);
    assertThat(vars).containsEntry("--cv-primary", "#0B3D2E").containsEntry("--cv-accent", "#C0392B")
        .containsEntry("--cv-text", "#222222").containsEntry("--cv-background", "#FFFFF0")
        .containsEntry("--cv-heading-size", "15pt").containsEntry("--cv-body-size", "9.5pt")
        .containsEntry("--cv-line-height", "1.2").containsEntry("--cv-density", "0.75")
        .containsEntry("--cv-section-margin", "4mm").containsEntry("--cv-page-margin", "12mm")
        .containsEntry("--cv-page-width", "215.9mm").containsEntry("--cv-page-height", "279.4mm");
    assertThat(vars.get("--cv-heading-font")).startsWith("'Liberation Serif'").endsWith("serif");
    assertThat(vars.get("--cv-body-font")).startsWith("'Lato'").contains("'Droid Sans Fallback'").endsWith("sans-serif");
    assertThat(vars.keySet()).containsExactlyElementsOf(Styles.BASE);
    String page = Render.previewHtml(cv());
    vars.forEach((k, v) -> assertThat(page).contains(k + ": " + v + ";"));
    assertThat(page).contains("--cv-gap-entry: calc(7pt * var(--cv-density));")
        .contains("--cv-name-size: calc(var(--cv-heading-size) * 1.85);");
  }

  @Test
  void everyFieldCarriesItsPointer() {
    String page = Render.previewHtml(cv());
    assertThat(page).contains("data-cv-pointer=\"/basics/name\"", "data-cv-pointer=\"/basics/email\"",
        "data-cv-pointer=\"/basics/location\"", "data-cv-pointer=\"/basics/profiles/[id=pf1]/url\"",
        "data-cv-pointer=\"/work/[id=w1]/position\"", "data-cv-pointer=\"/work/[id=w1]/startDate\"",
        "data-cv-pointer=\"/work/[id=w1]/endDate\"", "data-cv-pointer=\"/work/[id=w1]/highlights/0\"",
        "data-cv-pointer=\"/work/[id=w2]/highlights/1\"", "data-cv-pointer=\"/education/[id=e1]/courses/1\"",
        "data-cv-pointer=\"/education/[id=e1]/score\"", "data-cv-pointer=\"/skills/[id=s1]/keywords/3\"",
        "data-cv-pointer=\"/skills/[id=s2]/level\"", "data-cv-pointer=\"/projects/[id=pr1]/roles\"",
        "data-cv-pointer=\"/languages/[id=l1]/fluency\"", "data-cv-pointer=\"/references/[id=r1]/reference\"",
        "data-cv-pointer=\"/altocv/customSections/[id=cs1]/title\"",
        "data-cv-pointer=\"/altocv/customSections/[id=cs1]/items/[id=ci1]/highlights/0\"");
  }

  @Test
  void sectionOrderFollowsTheDesign() {
    String page = Render.previewHtml(cv());
    int skills = page.indexOf("data-cv-section=\"skills\"");
    int custom = page.indexOf("data-cv-section=\"cs1\"");
    int work = page.indexOf("data-cv-section=\"work\"");
    int projects = page.indexOf("data-cv-section=\"projects\"");
    assertThat(skills).isPositive().isLessThan(custom);
    assertThat(custom).isLessThan(work);
    assertThat(work).as("then the template's own order").isLessThan(projects);
    String text = Render.text(cv());
    assertThat(text.indexOf("TECHNICAL SKILLS")).isLessThan(text.indexOf("SPEAKING"));
    assertThat(text.indexOf("SPEAKING")).isLessThan(text.indexOf("EXPERIENCE"));
  }

  @Test
  void pageGuidesBridgeAndFonts() {
    String page = Render.previewHtml(cv(), PreviewOptions.DEFAULT.withFontBaseUrl("/render/fonts/"));
    assertThat(page).startsWith("<!DOCTYPE html>").contains("data-paper=\"Letter\"")
        .contains("class=\"cv-page-guides\"").contains("altocv:design").contains("altocv:focus")
        .contains("@font-face { font-family: 'Lato'; font-weight: 700; font-style: italic; "
            + "src: url('/render/fonts/Lato-BoldItalic.ttf') format('truetype'); }");
    assertThat(Render.previewHtml(cv(), PreviewOptions.DEFAULT.withBridge(false))).doesNotContain("<script>")
        .doesNotContain("@font-face");
    String export = Render.html(cv());
    assertThat(export).doesNotContain("<script>").doesNotContain("cv-page-guides").contains("--cv-primary: #0B3D2E");
    assertThatThrownBy(() -> PreviewOptions.DEFAULT.withFontBaseUrl("/x'); } body { color: red"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fontBaseUrl");
  }

  @Test
  void thePdfGetsConcreteValuesOnly() {
    var t = Templates.get("technical");
    var doc = ViewBuilder.build(cv(), t);
    String xhtml = HtmlWriter.write(doc, t, DESIGN, HtmlWriter.Mode.PDF, new HtmlWriter.BrowserOptions(null, false),
        Styles.resolved(DESIGN, List.of()));
    assertThat(xhtml).doesNotContain("var(").doesNotContain("calc(").doesNotContain("@media screen")
        .doesNotContain("<script").contains("@page { size: 215.9mm 279.4mm; margin: 12mm; }")
        .contains("color: #0B3D2E").contains("font-size: 9.5pt");
  }

  @Test
  void unknownTemplatesAreNamed() {
    Cv bad = SampleCvs.minimal().toBuilder().design(new Design("fancy", Paper.A4, null, null, null, null)).build();
    assertThatThrownBy(() -> Render.pdf(bad)).isInstanceOf(UnknownTemplateException.class)
        .hasMessage("unknown template 'fancy'; the templates are: modern, classic, compact, executive, technical, academic");
  }

  @Test
  void templatesDescribeThemselves() {
    assertThat(Render.templates()).extracting(TemplateInfo::id)
        .containsExactly("modern", "classic", "compact", "executive", "technical", "academic");
    for (TemplateInfo t : Render.templates()) {
      assertThat(t.name()).isNotBlank();
      assertThat(t.description()).endsWith(".");
      assertThat(t.omittedFields()).contains("basics.image", "work[].description");
      assertThat(t.suggestedDesign().templateId()).isEqualTo(t.id());
    }
    assertThat(Render.template("academic").orElseThrow().datePrecision()).isEqualTo(DatePrecision.YEAR);
    assertThat(Render.template("nope")).isEmpty();
    assertThat(Render.fontFiles()).contains("Lato-Regular.ttf", "DroidSansFallback.ttf");
    assertThat(Render.fontFile("Lato-Regular.ttf").orElseThrow()).startsWith(0, 1, 0, 0);
    assertThat(Render.fontFile("../secret")).isEmpty();
  }

  @Test
  void textAndWordExports() throws Exception {
    String txt = Render.text(SampleCvs.everySection());
    assertThat(txt).startsWith("Ada Lindqvist\nSenior Backend Engineer\n")
        .contains("\nEXPERIENCE\nSenior Backend Engineer\nKlarfeld Payments | Stockholm, Sweden | "
            + "https://klarfeld.example.com | Mar 2021 - Present\n")
        .contains("- Cut settlement batch time").doesNotContain("\t").doesNotContain("\u00b7");
    try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(
        new java.io.ByteArrayInputStream(Render.docx(SampleCvs.everySection())))) {
      assertThat(d.getParagraphs()).extracting(p -> p.getStyle()).contains("Title", "Heading1", "Heading2", "ListBullet");
      assertThat(d.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).map(p -> p.getText()))
          .contains("Experience", "Education", "Skills", "Speaking");
      assertThat(d.getParagraphs().stream().filter(p -> "ListBullet".equals(p.getStyle())))
          .allMatch(p -> p.getNumID() != null);
      assertThat(d.getProperties().getCoreProperties().getTitle()).isEqualTo("Ada Lindqvist \u2013 CV");
      assertThat(d.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
    }
    assertThat(ExportFormat.ofFileName("cv.HTM")).contains(ExportFormat.HTML);
    assertThat(ExportFormat.ofFileName("cv")).isEmpty();
    assertThatThrownBy(() -> ExportFormat.fromName("odt")).hasMessageContaining("pdf, docx, txt, html, json");
  }
}
