package dev.altocv.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.altocv.render.ImportException.Reason;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Bad files give a clear error naming what is wrong, never a half-read CV. */
class ImportErrorsTest {

  private static final Importer IMPORTER = Importer.withDefaults();

  private static ImportException fails(byte[] data, String name) {
    return fails(IMPORTER, data, name);
  }

  private static ImportException fails(Importer importer, byte[] data, String name) {
    try {
      importer.read(data, name);
    } catch (ImportException e) {
      return e;
    }
    throw new AssertionError(name + " was imported, but should have failed");
  }

  @Test
  void aPictureOnlyPdfSaysItHasNoText() throws IOException {
    ImportException e = fails(picturePdf(), "scan.pdf");
    assertThat(e.reason()).isEqualTo(Reason.NO_TEXT);
    assertThat(e.getMessage()).contains("this PDF is a picture; it has no text to read");
  }

  @Test
  void anEmptyFile() {
    ImportException e = fails(new byte[0], "cv.pdf");
    assertThat(e.reason()).isEqualTo(Reason.EMPTY);
    assertThat(e.getMessage()).isEqualTo("cv.pdf is empty (0 bytes)");
  }

  @Test
  void aFileThatIsNeitherPdfNorDocx() {
    ImportException e = fails("Dear hiring manager,".getBytes(StandardCharsets.UTF_8), "letter.pdf");
    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
    assertThat(e.getMessage()).contains("neither a PDF nor a Word document").contains("does not start like a PDF");
  }

  @Test
  void aCorruptPdf() {
    byte[] junk = new byte[4000];
    new Random(7).nextBytes(junk);
    byte[] data = ("%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[data.length + junk.length];
    System.arraycopy(data, 0, all, 0, data.length);
    System.arraycopy(junk, 0, all, data.length, junk.length);
    ImportException e = fails(all, "broken.pdf");
    assertThat(e.reason()).isIn(Reason.CORRUPT, Reason.EMPTY);
    assertThat(e.getMessage()).startsWith("broken.pdf");
  }

  @Test
  void aPasswordProtectedPdf() throws IOException {
    byte[] pdf = Render.pdf(SampleCvs.minimal());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      StandardProtectionPolicy p = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      p.setEncryptionKeyLength(128);
      doc.protect(p);
      doc.save(out);
    }
    ImportException e = fails(out.toByteArray(), "locked.pdf");
    assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED);
    assertThat(e.getMessage()).contains("protected by a password");
  }

  @Test
  void aPdfWithOnlyAnOwnerPasswordIsRead() throws IOException {
    byte[] pdf = Render.pdf(SampleCvs.minimal());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      AccessPermission perms = new AccessPermission();
      perms.setCanModify(false);
      StandardProtectionPolicy p = new StandardProtectionPolicy("owner-secret", "", perms);
      p.setEncryptionKeyLength(128);
      doc.protect(p);
      doc.save(out);
    }
    assertThat(IMPORTER.read(out.toByteArray(), "restricted.pdf").cv().basics().name()).isEqualTo("Li Wei");
  }

  @Test
  void limitsOnSizePagesAndTime() {
    byte[] pdf = Render.pdf(SampleCvs.manyJobs());
    ImportException big = fails(Importer.withLimits(ImportLimits.DEFAULT.withMaxBytes(10_000)), pdf, "cv.pdf");
    assertThat(big.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(big.getMessage()).contains("the limit is 9 KB");
    ImportException pages = fails(Importer.withLimits(ImportLimits.DEFAULT.withMaxPages(1)), pdf, "cv.pdf");
    assertThat(pages.reason()).isEqualTo(Reason.TOO_MANY_PAGES);
    assertThat(pages.getMessage()).matches("cv.pdf has \\d+ pages; the limit is 1\\. A CV has one to three\\.");
    ImportException slow = fails(Importer.withLimits(ImportLimits.DEFAULT.withTimeout(Duration.ofNanos(1))), pdf,
        "cv.pdf");
    assertThat(slow.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(slow.getMessage()).contains("took longer than the limit");
  }

  @Test
  void aDocxZipBombIsRefusedBeforeParsing() throws IOException {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 60; i++) {
        zip.write(zeros);
      }
    }
    assertThat(bomb.size()).isLessThan(200_000);
    ImportException e = fails(bomb.toByteArray(), "bomb.docx");
    assertThat(e.reason()).isEqualTo(Reason.ZIP_BOMB);
    assertThat(e.getMessage()).contains("unpacks to more than 50 MB").contains("zip bomb");
  }

  @Test
  void aDocxWithTooManyPartsIsRefused() throws IOException {
    ByteArrayOutputStream many = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(many)) {
      for (int i = 0; i < 1100; i++) {
        zip.putNextEntry(new ZipEntry("word/part" + i + ".xml"));
        zip.write('x');
      }
    }
    ImportException e = fails(many.toByteArray(), "many.docx");
    assertThat(e.reason()).isEqualTo(Reason.ZIP_BOMB);
    assertThat(e.getMessage()).contains("more than 1000 parts");
  }

  @Test
  void aHighlyCompressedPartIsRefused() throws IOException {
    ByteArrayOutputStream dense = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(dense)) {
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(new byte[5 << 20]);
    }
    ImportException e = fails(Importer.withLimits(ImportLimits.DEFAULT.withZipLimits(1000, 100L << 20)),
        dense.toByteArray(), "dense.docx");
    assertThat(e.reason()).isEqualTo(Reason.ZIP_BOMB);
    assertThat(e.getMessage()).contains("inflates");
  }

  @Test
  void aDamagedDocx() {
    byte[] junk = new byte[3000];
    new Random(3).nextBytes(junk);
    junk[0] = 'P';
    junk[1] = 'K';
    junk[2] = 3;
    junk[3] = 4;
    ImportException e = fails(junk, "broken.docx");
    assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
    assertThat(e.getMessage()).contains("broken.docx").contains("not a readable");
  }

  @Test
  void aZipThatIsNoWordDocument() throws IOException {
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(z)) {
      zip.putNextEntry(new ZipEntry("hello.txt"));
      zip.write("hello".getBytes(StandardCharsets.UTF_8));
    }
    ImportException e = fails(z.toByteArray(), "archive.docx");
    assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
    assertThat(e.getMessage()).contains("not a readable Word document").doesNotContain("org.apache")
        .doesNotContain("Exception");
  }

  @Test
  void aPartInflatingAHundredTimesIsABombEvenWhenSmall() throws IOException {
    ByteArrayOutputStream dense = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(dense)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(new byte[880 * 1024]); // about 380 times its packed size, under 1 MB
    }
    ImportException e = fails(dense.toByteArray(), "dense.docx");
    assertThat(e.reason()).isEqualTo(Reason.ZIP_BOMB);
    assertThat(e.getMessage()).contains("inflates").doesNotContain("ZipSecureFile");
  }

  @Test
  void aPoiRefusalIsExplainedWithoutItsClassNames() {
    Exception doctype = new java.io.IOException("org.apache.xmlbeans.XmlException: error: DOCTYPE is disallowed when"
        + " the feature \"http://apache.org/xml/features/disallow-doctype-decl\" set to true.");
    ImportException d = dev.altocv.render.internal.read.Reader.docxProblem("cv.docx", doctype);
    assertThat(d.reason()).isEqualTo(Reason.CORRUPT);
    assertThat(d.getMessage()).isEqualTo("cv.docx is not a readable Word document (.docx): it declares a DOCTYPE, "
        + "which Word never writes (refused: such documents can reach outside files)");
    Exception bomb = new java.io.IOException("Zip bomb detected! The file would exceed the max. ratio of compressed "
        + "file size to the size of the expanded data. ... adjust this limit via ZipSecureFile.setMinInflateRatio()");
    assertThat(dev.altocv.render.internal.read.Reader.docxProblem("cv.docx", bomb).reason())
        .isEqualTo(Reason.ZIP_BOMB);
  }

  @Test
  void aPdfWithAlmostNoTextIsNotCalledAPicture() {
    byte[] pdf = Render.pdf(dev.altocv.core.AltoCv.read("{\"basics\":{\"name\":\"Anna Berg\"}}"));
    ImportException e = fails(pdf, "min.pdf");
    assertThat(e.reason()).isEqualTo(Reason.NO_TEXT);
    assertThat(e.getMessage()).startsWith("min.pdf has almost no text (8 letters and digits)")
        .doesNotContain("picture");
  }

  @Test
  void anOldWordDocument() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      fs.createDocument(new java.io.ByteArrayInputStream(new byte[64]), "WordDocument");
      fs.writeFilesystem(out);
    }
    ImportException e = fails(out.toByteArray(), "old.doc");
    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
    assertThat(e.getMessage()).contains("old Word document (.doc)");
  }

  @Test
  void aPasswordProtectedDocx() throws Exception {
    byte[] docx = Render.docx(SampleCvs.minimal());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword("secret");
      try (OutputStream os = enc.getDataStream(fs)) {
        os.write(docx);
      }
      fs.writeFilesystem(out);
    }
    ImportException e = fails(out.toByteArray(), "locked.docx");
    assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED);
    assertThat(e.getMessage()).contains("protected by a password");
  }

  @Test
  void aDocxWithoutText() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument d = new XWPFDocument()) {
      d.createParagraph();
      d.write(out);
    }
    ImportException e = fails(out.toByteArray(), "blank.docx");
    assertThat(e.reason()).isEqualTo(Reason.NO_TEXT);
  }

  @Test
  void aPdfWithAFewWordsOnlyIsNoCv() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText("Page 1");
        cs.endText();
      }
      doc.save(out);
    }
    assertThat(fails(out.toByteArray(), "short.pdf").reason()).isEqualTo(Reason.NO_TEXT);
  }

  static byte[] picturePdf() throws IOException {
    BufferedImage img = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 600, 800);
    g.setColor(Color.BLACK);
    for (int y = 60; y < 760; y += 18) {
      g.fillRect(50, y, 300 + (y * 7) % 200, 8);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDImageXObject x = LosslessFactory.createFromImage(doc, img);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawImage(x, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
      }
      doc.save(out);
    }
    return out.toByteArray();
  }
}
