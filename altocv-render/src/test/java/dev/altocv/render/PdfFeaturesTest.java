package dev.altocv.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Design;
import dev.altocv.core.model.Paper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** What the PDF promises: real text in reading order, links, metadata, tags, embedded subset fonts, pages. */
class PdfFeaturesTest {

  private static PDDocument load(Cv cv) throws IOException {
    return Loader.loadPDF(Render.pdf(cv));
  }

  @Test
  void metadataTagsAndLanguage() throws IOException {
    try (PDDocument doc = load(SampleCvs.everySection())) {
      PDDocumentInformation info = doc.getDocumentInformation();
      assertThat(info.getTitle()).isEqualTo("Ada Lindqvist \u2013 CV");
      assertThat(info.getAuthor()).isEqualTo("Ada Lindqvist");
      assertThat(info.getSubject()).isEqualTo("Senior Backend Engineer");
      assertThat(info.getKeywords()).contains("Kotlin").contains("Kubernetes");
      assertThat(info.getProducer()).isEqualTo("AltoCV");
      PDDocumentCatalog cat = doc.getDocumentCatalog();
      assertThat(cat.getMarkInfo()).isNotNull();
      assertThat(cat.getMarkInfo().isMarked()).as("tagged PDF").isTrue();
      assertThat(cat.getStructureTreeRoot()).as("structure tree").isNotNull();
      assertThat(cat.getLanguage()).isEqualTo("en");
      assertThat(new String(cat.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
          .as("PDF/UA identification in XMP").contains("pdfuaid:part");
    }
  }

  @Test
  void anUntaggedPdfHasTheSameText() throws IOException {
    Cv cv = SampleCvs.everySection();
    try (PDDocument tagged = load(cv); PDDocument plain = Loader.loadPDF(Render.pdf(cv, PdfOptions.DEFAULT.withTagged(false)))) {
      assertThat(plain.getDocumentCatalog().getStructureTreeRoot()).isNull();
      assertThat(new PDFTextStripper().getText(plain)).isEqualTo(new PDFTextStripper().getText(tagged));
      assertThat(plain.getDocumentInformation().getTitle()).isEqualTo("Ada Lindqvist \u2013 CV");
    }
  }

  @Test
  void linksAreClickable() throws IOException {
    List<String> uris = new ArrayList<>();
    try (PDDocument doc = load(SampleCvs.everySection())) {
      for (PDPage page : doc.getPages()) {
        for (PDAnnotation a : page.getAnnotations()) {
          if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
            uris.add(uri.getURI());
          }
        }
      }
    }
    assertThat(uris).contains("mailto:ada.lindqvist@example.com", "tel:+46701234567", "https://ada.example.com",
        "https://github.com/adal", "https://klarfeld.example.com");
  }

  @Test
  void everyFontIsEmbeddedAsASubset() throws IOException {
    try (PDDocument doc = load(SampleCvs.nonAscii())) {
      List<String> names = new ArrayList<>();
      for (PDPage page : doc.getPages()) {
        PDResources r = page.getResources();
        for (COSName n : r.getFontNames()) {
          PDFont f = r.getFont(n);
          names.add(f.getName());
          assertThat(f.isEmbedded()).as(f.getName()).isTrue();
          assertThat(f.getName()).as("subset prefix").matches("[A-Z]{6}\\+.*");
          assertThat(f).isInstanceOf(PDType0Font.class);
          long size = ((PDType0Font) f).getDescendantFont().getFontDescriptor().getFontFile2().getLength();
          assertThat(size).as("embedded bytes of " + f.getName()).isLessThan(120_000);
        }
      }
      assertThat(names).anyMatch(n -> n.endsWith("+DroidSansFallback"));
      assertThat(names).anyMatch(n -> n.endsWith("+Lato-Regular"));
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Zoë Ångström-Łukasiewicz", "王小明", "東京", "서울", "软件工程师", "Γιώργος", "Москва");
    }
  }

  @Test
  void aCvInLatinScriptLoadsNoFallbackFont() throws IOException {
    try (PDDocument doc = load(SampleCvs.everySection())) {
      for (PDPage page : doc.getPages()) {
        for (COSName n : page.getResources().getFontNames()) {
          assertThat(page.getResources().getFont(n).getName()).doesNotContain("Droid").doesNotContain("DejaVu");
        }
      }
    }
  }

  @Test
  void textComesOutInReadingOrder() throws IOException {
    try (PDDocument doc = load(SampleCvs.everySection())) {
      String text = new PDFTextStripper().getText(doc);
      List<String> order = List.of("Ada Lindqvist", "Senior Backend Engineer", "Summary", "Experience",
          "Klarfeld Payments", "Cut settlement batch time", "Nordlog AB", "Education", "KTH", "Skills", "Projects");
      int at = -1;
      for (String s : order) {
        int i = text.indexOf(s, at + 1);
        assertThat(i).as("'%s' after position %d", s, at).isGreaterThan(at);
        at = i;
      }
      // lines with several styles and links come out whole, in the order printed
      assertThat(text).contains("Backend (Expert): Java, Kotlin, Spring Boot, PostgreSQL",
          "Languages", "Swedish (Native speaker)", "Courses: Distributed Systems, Algorithms and Complexity",
          "\u2022 Cut settlement batch time", "Senior Backend Engineer Mar 2021 \u2013 Present");
    }
  }

  @Test
  void paperSizes() throws IOException {
    Cv cv = SampleCvs.minimal();
    try (PDDocument a4 = load(cv)) {
      assertThat(a4.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
      assertThat(a4.getPage(0).getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(0.5f));
    }
    Design d = cv.altocv().design();
    Cv letter = cv.toBuilder().design(new Design(d.templateId(), Paper.LETTER, d.colors(), d.typography(), d.spacing(),
        d.layout())).build();
    try (PDDocument l = load(letter)) {
      assertThat(l.getPage(0).getMediaBox().getWidth()).isCloseTo(612f, org.assertj.core.data.Offset.offset(0.5f));
      assertThat(l.getPage(0).getMediaBox().getHeight()).isCloseTo(792f, org.assertj.core.data.Offset.offset(0.5f));
    }
  }

  /** No page ends with a section heading or with a job's title and dates cut off from their first bullet. */
  @Test
  void pageBreaksKeepHeadingsAndEntryHeadsWithWhatFollows() throws IOException {
    for (TemplateInfo t : Render.templates()) {
      Cv cv = SampleCvs.withTemplate(SampleCvs.manyJobs(), t);
      List<String> headings = List.of("Experience", "Work Experience", "Leadership Experience".toUpperCase(),
          "Academic Appointments", "Education", "EDUCATION");
      try (PDDocument doc = load(cv)) {
        assertThat(doc.getNumberOfPages()).as(t.id()).isGreaterThan(1);
        for (int p = 1; p < doc.getNumberOfPages(); p++) {
          PDFTextStripper s = new PDFTextStripper();
          s.setSortByPosition(true);
          s.setStartPage(p);
          s.setEndPage(p);
          String[] lines = s.getText(doc).strip().split("\\R");
          String last = lines[lines.length - 1].strip();
          assertThat(headings).as("%s page %d ends with a heading", t.id(), p).doesNotContain(last);
          for (var w : cv.work()) {
            assertThat(last).as("%s page %d ends with the head of job %s", t.id(), p, w.position())
                .doesNotStartWith(w.position()).doesNotStartWith(w.name());
          }
        }
      }
    }
  }
}
