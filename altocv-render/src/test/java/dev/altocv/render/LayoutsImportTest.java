package dev.altocv.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.altocv.core.model.Cv;
import dev.altocv.core.model.Work;
import dev.altocv.render.internal.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;

/** Layouts that are not AltoCV's own: two columns (sidebar left or right), tables, plain PDFs, Word tables. */
class LayoutsImportTest {

  private static final String SIDEBAR = """
      <h1 style="font-size:20pt;margin:0">Jordan Rivera</h1>
      <p>jordan.rivera@example.com</p><p>+1 512 555 0134</p><p>Austin, TX</p>
      <h2>Skills</h2><p>Python, SQL, Airflow</p><p>Tableau, dbt, Spark</p>
      <h2>Languages</h2><p>English (Native)</p><p>Spanish (Fluent)</p><p>Portuguese (Basic)</p>
      <h2>Interests</h2><p>Cycling, chess</p>
      """;
  private static final String MAIN = """
      <h2>Summary</h2><p>Data engineer who turns messy event streams into reliable, well-documented datasets that
      analysts trust.</p>
      <h2>Experience</h2>
      <table style="width:100%"><tr><td><b>Senior Data Engineer</b></td><td style="text-align:right">Mar 2020 – Present</td></tr></table>
      <p><i>Acme Analytics · Austin, TX</i></p>
      <ul><li>Built the ingestion platform that loads 2 TB of events a day with exactly-once guarantees and alerting</li>
      <li>Cut warehouse costs by 35%</li></ul>
      <table style="width:100%"><tr><td><b>Data Analyst</b></td><td style="text-align:right">Jun 2016 – Feb 2020</td></tr></table>
      <p><i>Lone Star Retail · Dallas, TX</i></p>
      <ul><li>Automated weekly sales reporting</li></ul>
      <h2>Education</h2>
      <table style="width:100%"><tr><td><b>University of Texas at Austin</b></td><td style="text-align:right">2012 – 2016</td></tr></table>
      <p><i>Bachelor of Science · Statistics</i></p>
      """;

  private static String page(String sidebar, String main, boolean sidebarLeft) {
    String side = "<div style=\"float:" + (sidebarLeft ? "left" : "right") + ";width:30%\">" + sidebar + "</div>";
    String body = "<div style=\"margin-" + (sidebarLeft ? "left" : "right") + ":36%\">" + main + "</div>";
    return "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title><style>"
        + "@page { size: A4; margin: 15mm } body { font-family: Lato; font-size: 10pt; line-height: 1.3 }"
        + "h2 { font-size: 13pt; margin: 10pt 0 4pt 0 } p { margin: 0 0 2pt 0 } ul { margin: 2pt 0; padding-left: 14pt }"
        + "td { padding: 0; vertical-align: top } table { border-collapse: collapse }"
        + "</style></head><body>" + side + body + "</body></html>";
  }

  private static void assertSidebarCv(Cv cv) {
    assertThat(cv.basics().name()).isEqualTo("Jordan Rivera");
    assertThat(cv.basics().email()).isEqualTo("jordan.rivera@example.com");
    assertThat(cv.basics().phone()).isEqualTo("+1 512 555 0134");
    assertThat(cv.basics().summary()).startsWith("Data engineer who turns messy event streams");
    assertThat(cv.work()).hasSize(2);
    Work w = cv.work().get(0);
    assertThat(w.position()).isEqualTo("Senior Data Engineer");
    assertThat(w.name()).isEqualTo("Acme Analytics");
    assertThat(w.location()).isEqualTo("Austin, TX");
    assertThat(w.startDate()).isEqualTo("2020-03");
    assertThat(w.endDate()).isNull();
    assertThat(w.highlights()).containsExactly(
        "Built the ingestion platform that loads 2 TB of events a day with exactly-once guarantees and alerting",
        "Cut warehouse costs by 35%");
    assertThat(cv.work().get(1).endDate()).isEqualTo("2020-02");
    assertThat(cv.education().get(0).institution()).isEqualTo("University of Texas at Austin");
    assertThat(cv.education().get(0).studyType()).isEqualTo("Bachelor of Science");
    assertThat(cv.education().get(0).area()).isEqualTo("Statistics");
    assertThat(cv.skills()).flatExtracting(s -> s.keywords()).containsExactly("Python", "SQL", "Airflow", "Tableau",
        "dbt", "Spark");
    assertThat(cv.languages()).extracting(l -> l.language() + "/" + l.fluency())
        .containsExactly("English/Native", "Spanish/Fluent", "Portuguese/Basic");
    assertThat(cv.interests()).flatExtracting(i -> i.keywords()).containsExactly("Cycling", "chess");
  }

  @Test
  void aTwoColumnPdfWithTheSidebarOnTheLeft() {
    byte[] pdf = PdfWriter.render(page(SIDEBAR, MAIN, true), List.of("Lato"));
    save(pdf, "sidebar-left.pdf");
    ImportResult r = Importer.withDefaults().read(pdf, "two-column.pdf");
    assertSidebarCv(r.cv());
    assertThat(r.confidence()).containsKeys("/basics/name", "/work/0/position", "/languages/2/fluency");
  }

  @Test
  void aTwoColumnPdfWithTheSidebarOnTheRight() {
    byte[] pdf = PdfWriter.render(page(SIDEBAR, MAIN, false), List.of("Lato"));
    save(pdf, "sidebar-right.pdf");
    assertSidebarCv(Importer.withDefaults().read(pdf, "two-column.pdf").cv());
  }

  @Test
  void aTableWithDatesInTheFirstColumn() {
    String main = """
        <h1 style="font-size:20pt">Priya Natarajan</h1><p>priya@example.in · +91 98450 12345 · Bengaluru, IN</p>
        <h2>Work History</h2>
        <table style="width:100%">
        <tr><td style="width:25%">2019 – 2023</td><td><b>Product Manager</b>, Flipkart<br/>Led the checkout team of 12.</td></tr>
        <tr><td style="width:25%">2015 – 2019</td><td><b>Business Analyst</b>, Infosys<br/>Built pricing models.</td></tr>
        </table>
        <h2>Education</h2>
        <table style="width:100%"><tr><td style="width:25%">2011 – 2015</td><td><b>IIT Madras</b>, B.Tech in Mechanical Engineering</td></tr></table>
        """;
    String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title><style>"
        + "@page { size: A4; margin: 15mm } body { font-family: Lato; font-size: 10pt } td { vertical-align: top; padding: 2pt 0 }"
        + "h2 { font-size: 13pt }</style></head><body>" + main + "</body></html>";
    byte[] pdf = PdfWriter.render(xhtml, List.of("Lato"));
    save(pdf, "table.pdf");
    Cv cv = Importer.withDefaults().read(pdf, "table.pdf").cv();
    assertThat(cv.basics().name()).isEqualTo("Priya Natarajan");
    assertThat(cv.basics().location().countryCode()).isEqualTo("IN");
    assertThat(cv.work()).extracting(Work::position, Work::name, Work::startDate, Work::endDate).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Product Manager", "Flipkart", "2019", "2023"),
        org.assertj.core.groups.Tuple.tuple("Business Analyst", "Infosys", "2015", "2019"));
    assertThat(cv.work().get(0).summary()).isEqualTo("Led the checkout team of 12.");
    assertThat(cv.education().get(0).institution()).isEqualTo("IIT Madras");
    assertThat(cv.education().get(0).studyType()).isEqualTo("B.Tech");
    assertThat(cv.education().get(0).area()).isEqualTo("Mechanical Engineering");
  }

  @Test
  void aPlainPdfWithStandardFontsAndNoStyling() throws IOException {
    String[][] lines = {
        {"B", "Tomasz Wójcik"}, {"", "tomasz.wojcik@example.pl | +48 601 234 567 | Kraków"},
        {"B", "EXPERIENCE"}, {"", "Warehouse Supervisor at LogiTrans, 2018 - present"},
        {"", "- Managed a team of 14 pickers across two shifts"}, {"", "- Reduced picking errors by 30%"},
        {"", "Forklift Operator at LogiTrans, 2014 - 2018"},
        {"B", "SKILLS"}, {"", "Forklift licence, SAP WM, team scheduling"}};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        float y = 720;
        for (String[] l : lines) {
          cs.beginText();
          cs.setFont(new PDType1Font(l[0].equals("B") ? Standard14Fonts.FontName.HELVETICA_BOLD
              : Standard14Fonts.FontName.HELVETICA), l[1].startsWith("Tomasz") ? 18 : 11);
          cs.newLineAtOffset(60, y);
          cs.showText(l[1]);
          cs.endText();
          y -= l[1].startsWith("Tomasz") ? 26 : 16;
        }
      }
      doc.save(out);
    }
    save(out.toByteArray(), "plain.pdf");
    Cv cv = Importer.withDefaults().read(out.toByteArray(), "plain.pdf").cv();
    assertThat(cv.basics().name()).isEqualTo("Tomasz Wójcik");
    assertThat(cv.basics().email()).isEqualTo("tomasz.wojcik@example.pl");
    assertThat(cv.basics().location().city()).isEqualTo("Kraków");
    assertThat(cv.work()).extracting(Work::position, Work::name, Work::startDate, Work::endDate).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Warehouse Supervisor", "LogiTrans", "2018", null),
        org.assertj.core.groups.Tuple.tuple("Forklift Operator", "LogiTrans", "2014", "2018"));
    assertThat(cv.work().get(0).highlights()).containsExactly("Managed a team of 14 pickers across two shifts",
        "Reduced picking errors by 30%");
    assertThat(cv.skills()).flatExtracting(s -> s.keywords()).containsExactly("Forklift licence", "SAP WM",
        "team scheduling");
  }

  @Test
  void aWordDocumentLaidOutInATwoColumnTable() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument d = new XWPFDocument()) {
      XWPFTable t = d.createTable(1, 2);
      XWPFTableCell side = t.getRow(0).getCell(0);
      XWPFTableCell main = t.getRow(0).getCell(1);
      para(side, "Contact", true, 12);
      para(side, "mei.lin@example.tw", false, 10);
      para(side, "Skills", true, 12);
      para(side, "Figma, user research, prototyping", false, 10);
      para(main, "Mei Lin", true, 22);
      para(main, "Experience", true, 12);
      para(main, "UX Designer\tJan 2021 – Present", true, 10);
      XWPFParagraph sub = main.addParagraph();
      sub.createRun().setItalic(true);
      sub.getRuns().get(0).setText("Line Taiwan · Taipei");
      para(main, "Redesigned the sticker shop, raising conversion by 18%", false, 10);
      para(main, "Education", true, 12);
      para(main, "National Taiwan University\t2016 – 2020", true, 10);
      d.write(out);
    }
    Cv cv = Importer.withDefaults().read(out.toByteArray(), "two-column.docx").cv();
    assertThat(cv.basics().name()).isEqualTo("Mei Lin");
    assertThat(cv.basics().email()).isEqualTo("mei.lin@example.tw");
    assertThat(cv.work().get(0).position()).isEqualTo("UX Designer");
    assertThat(cv.work().get(0).name()).isEqualTo("Line Taiwan");
    assertThat(cv.work().get(0).location()).isEqualTo("Taipei");
    assertThat(cv.work().get(0).startDate()).isEqualTo("2021-01");
    assertThat(cv.education().get(0).institution()).isEqualTo("National Taiwan University");
    assertThat(cv.skills()).flatExtracting(s -> s.keywords()).containsExactly("Figma", "user research", "prototyping");
  }

  /** A Word document whose contact details and skills sit in a text box (VML, with a DrawingML twin). */
  @Test
  void aWordDocumentWithATextBoxSidebar() throws IOException {
    String p = "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>";
    String bp = "<w:p><w:r><w:rPr><w:b/><w:sz w:val=\"%d\"/></w:rPr><w:t>%s</w:t></w:r></w:p>";
    String box = "<w:txbxContent>" + bp.formatted(24, "Skills") + p.formatted("Welding, forklift, first aid")
        + p.formatted("karl.berg@example.se") + "</w:txbxContent>";
    String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
        + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
        + " xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:body>"
        + bp.formatted(44, "Karl Berg")
        + "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>" + box
        + "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>" + box
        + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        + bp.formatted(24, "Experience")
        + "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Welder</w:t></w:r><w:r><w:tab/><w:t>2015 – Present</w:t></w:r></w:p>"
        + "<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Volvo Cars · Gothenburg</w:t></w:r></w:p>"
        + "</w:body></w:document>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
          + "</Types>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.putNextEntry(new java.util.zip.ZipEntry("_rels/.rels"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
          + "</Relationships>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
      zip.write(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    save(out.toByteArray(), "textbox.docx");
    Cv cv = Importer.withDefaults().read(out.toByteArray(), "textbox.docx").cv();
    assertThat(cv.basics().name()).isEqualTo("Karl Berg");
    assertThat(cv.work().get(0).position()).isEqualTo("Welder");
    assertThat(cv.work().get(0).name()).isEqualTo("Volvo Cars");
    assertThat(cv.skills()).flatExtracting(s -> s.keywords()).containsExactly("Welding", "forklift", "first aid");
    assertThat(cv.basics().email()).as("contact details in the text box, read once").isEqualTo("karl.berg@example.se");
  }

  /** Keeps the fixture under target/ for a person to look at. */
  private static void save(byte[] pdf, String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "layouts");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(dir.resolve(name), pdf);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void para(XWPFTableCell cell, String text, boolean bold, int size) {
    XWPFParagraph p = cell.getParagraphs().size() == 1 && cell.getParagraphs().get(0).getText().isEmpty()
        && cell.getParagraphs().get(0).getRuns().isEmpty() ? cell.getParagraphs().get(0) : cell.addParagraph();
    String[] parts = text.split("\t");
    for (int i = 0; i < parts.length; i++) {
      var r = p.createRun();
      r.setBold(bold && i == 0);
      r.setFontSize(size);
      if (i > 0) {
        r.addTab();
      }
      r.setText(parts[i]);
    }
  }
}
