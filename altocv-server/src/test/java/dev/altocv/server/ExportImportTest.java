package dev.altocv.server;

import static dev.altocv.server.support.Fixtures.awaitJob;
import static dev.altocv.server.support.Fixtures.balance;
import static dev.altocv.server.support.Fixtures.createCv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.altocv.core.AltoCv;
import dev.altocv.core.model.Cv;
import dev.altocv.render.Render;
import dev.altocv.server.support.Fixtures;
import dev.altocv.server.support.Http;
import dev.altocv.server.support.TestServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rendered exports (PDF, DOCX, TXT, HTML) and PDF/DOCX imports as background jobs, on PostgreSQL. */
class ExportImportTest {
  static final String PDF = "application/pdf";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static TestServer server;
  static Cv sample;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("ALTOCV_IMPORT_MAX_MB", "1", "ALTOCV_RATE_IMPORT", "4/m",
        "ALTOCV_RATE_EXPORT", "30/m"));
    sample = AltoCv.read(Fixtures.sampleResume());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode export(Http u, String cv, String format) {
    Http.Res r = u.post("/api/v1/cvs/" + cv + "/exports", "{\"format\":\"" + format + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return awaitJob(u, r.json().path("id").asText());
  }

  @Test
  void rendersPdfDocxTxtAndHtmlForDownloadThroughASignedLink() throws IOException {
    Http u = server.user("export@example.com");
    String cv = createCv(u, Fixtures.sampleResume());
    long before = balance(u);
    JsonNode pdf = export(u, cv, "pdf");
    assertThat(pdf.path("status").asText()).as(pdf.toString()).isEqualTo("succeeded");
    assertThat(pdf.path("cost").asLong()).isEqualTo(2);
    assertThat(pdf.path("result").path("fileName").asText()).isEqualTo("CV.pdf");
    byte[] bytes = u.bytes(pdf.path("downloadUrl").asText());
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Ada Lindqvist").contains("Klarfeld Payments");
    }
    JsonNode docx = export(u, cv, "docx");
    byte[] word = u.bytes(docx.path("downloadUrl").asText());
    assertThat(Arrays.copyOf(word, 2)).isEqualTo("PK".getBytes(StandardCharsets.US_ASCII));
    JsonNode txt = export(u, cv, "txt");
    assertThat(txt.path("cost").asLong()).isZero();
    assertThat(new String(u.bytes(txt.path("downloadUrl").asText()), StandardCharsets.UTF_8))
        .contains("Ada Lindqvist").contains("Cut settlement batch time");
    JsonNode html = export(u, cv, "html");
    assertThat(new String(u.bytes(html.path("downloadUrl").asText()), StandardCharsets.UTF_8))
        .contains("<html").contains("Ada Lindqvist").doesNotContain("<script");
    assertThat(balance(u)).isEqualTo(before - 4);
    Http.Res unknown = u.post("/api/v1/cvs/" + cv + "/exports", "{\"format\":\"odt\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("error").path("message").asText()).contains("pdf").contains("docx");
    assertThat(server.user("export-other@example.com").post("/api/v1/cvs/" + cv + "/exports",
        "{\"format\":\"pdf\"}").status()).isEqualTo(404);
  }

  @Test
  void aRenderFailureFailsTheJobAtOnceAndRefunds() {
    Http u = server.user("export-fail@example.com");
    String cv = createCv(u, Fixtures.sampleResume());
    // a template this version no longer has (the API refuses to store an unknown one): written straight into the
    // database, as a CV saved before a template was retired would be
    String content = u.get("/api/v1/cvs/" + cv).json().path("content").toString();
    int changed = server.services.jdbi.withHandle(h -> h.createUpdate(
        "update cvs set content = :c, template_id = 'no-such-template' where id = cast(:id as uuid)")
        .bind("c", content.replaceFirst("\"templateId\":\"[a-z-]+\"", "\"templateId\":\"no-such-template\""))
        .bind("id", cv).execute());
    assertThat(changed).isEqualTo(1);
    assertThat(u.get("/api/v1/cvs/" + cv).json().path("content").path("altocv").path("design").path("templateId")
        .asText()).isEqualTo("no-such-template");
    long before = balance(u);
    JsonNode job = export(u, cv, "pdf");
    assertThat(job.path("status").asText()).isEqualTo("failed");
    assertThat(job.path("attempts").asInt()).isEqualTo(1);
    assertThat(job.path("error").asText()).contains("could not be exported as pdf").contains("no-such-template");
    assertThat(balance(u)).isEqualTo(before);
    assertThat(job.has("downloadUrl")).isFalse();
  }

  static JsonNode importFile(Http u, String name, String type, byte[] bytes) {
    Http.Res r = u.multipart("/api/v1/imports", "file", name, type, bytes);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    assertThat(r.json().path("type").asText()).isEqualTo("import");
    return awaitJob(u, r.json().path("id").asText());
  }

  @Test
  void aPdfAndADocxBecomeNewCvsWithSourceImport() {
    Http u = server.user("import@example.com");
    long before = balance(u);
    JsonNode job = importFile(u, "Ada Lindqvist.pdf", PDF, Render.pdf(sample));
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
    String cvId = job.path("result").path("cvId").asText();
    Http.Res cv = u.get("/api/v1/cvs/" + cvId);
    assertThat(cv.json().path("title").asText()).isEqualTo("Ada Lindqvist");
    assertThat(cv.json().path("content").path("basics").path("name").asText()).isEqualTo("Ada Lindqvist");
    assertThat(cv.json().path("content").path("work").path(0).path("name").asText()).isEqualTo("Klarfeld Payments");
    JsonNode v = u.get("/api/v1/cvs/" + cvId + "/versions").json().path("versions").path(0);
    assertThat(v.path("source").asText()).isEqualTo("import");
    assertThat(balance(u)).isEqualTo(before - 3);
    // the done event carries the CV's id
    Http.Res events = u.get("/api/v1/jobs/" + job.path("id").asText() + "/events", "Accept", "text/event-stream");
    assertThat(events.body()).contains("event: done").contains(cvId);

    JsonNode word = importFile(u, "cv.docx", DOCX, Render.docx(sample));
    assertThat(word.path("status").asText()).as(word.toString()).isEqualTo("succeeded");
    assertThat(u.get("/api/v1/cvs/" + word.path("result").path("cvId").asText()).json().path("content")
        .path("basics").path("email").asText()).isEqualTo("ada.lindqvist@example.com");
    assertThat(balance(u)).isEqualTo(before - 6);
  }

  @Test
  void filesTheImporterCannotReadFailWithItsMessageAndAreRefunded() throws IOException {
    Http u = server.user("import-fail@example.com");
    long before = balance(u);
    JsonNode scan = importFile(u, "scan.pdf", PDF, picturePdf());
    assertThat(scan.path("status").asText()).isEqualTo("failed");
    assertThat(scan.path("error").asText()).contains("picture");
    Http.Res events = u.get("/api/v1/jobs/" + scan.path("id").asText() + "/events", "Accept", "text/event-stream");
    assertThat(events.body()).contains("event: failed").contains("picture");

    JsonNode locked = importFile(u, "locked.pdf", PDF, lockedPdf());
    assertThat(locked.path("error").asText()).contains("protected by a password");
    byte[] broken = Arrays.copyOf(Render.pdf(sample), 900);
    JsonNode corrupt = importFile(u, "broken.pdf", PDF, broken);
    assertThat(corrupt.path("status").asText()).isEqualTo("failed");
    assertThat(corrupt.path("error").asText()).startsWith("broken.pdf");
    JsonNode oldWord = importFile(u, "old.docx", DOCX, "not a zip at all".getBytes(StandardCharsets.UTF_8));
    assertThat(oldWord.path("status").asText()).isEqualTo("failed");
    assertThat(balance(u)).isEqualTo(before);
    Long uploads = server.services.jdbi.withHandle(h -> h.createQuery("select count(*) from uploads")
        .mapTo(Long.class).one());
    assertThat(uploads).isZero();
  }

  @Test
  void uploadsAreCheckedBeforeAnythingIsQueued() {
    Http u = server.user("import-bad@example.com");
    long before = balance(u);
    Http.Res big = u.multipart("/api/v1/imports", "file", "big.pdf", PDF, new byte[1_200_000]);
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.code()).isEqualTo("payload_too_large");
    Http.Res text = u.multipart("/api/v1/imports", "file", "cv.txt", "text/plain",
        "Ada Lindqvist".getBytes(StandardCharsets.UTF_8));
    assertThat(text.status()).isEqualTo(415);
    assertThat(u.multipart("/api/v1/imports", "attachment", "cv.pdf", PDF, Render.pdf(sample)).status())
        .isEqualTo(400);
    assertThat(u.multipart("/api/v1/imports", "file", "empty.pdf", PDF, new byte[0]).status()).isEqualTo(400);
    assertThat(u.post("/api/v1/imports", "{\"file\":\"cv.pdf\"}").status()).isEqualTo(415);
    Http anonymous = server.client();
    assertThat(anonymous.multipart("/api/v1/imports", "file", "cv.pdf", PDF, new byte[10]).status()).isEqualTo(401);
    u.forgetCsrf();
    assertThat(u.multipart("/api/v1/imports", "file", "cv.pdf", PDF, Render.pdf(sample)).status()).isEqualTo(403);
    u.refreshCsrf();
    assertThat(balance(u)).isEqualTo(before);

    UUID id = UUID.fromString(u.get("/api/v1/session").json().path("user").path("id").asText());
    server.services.credits.spend(id, balance(u) - 2, "test: drain", null);
    Http.Res poor = u.multipart("/api/v1/imports", "file", "cv.pdf", PDF, Render.pdf(sample));
    assertThat(poor.status()).isEqualTo(402);
    assertThat(balance(u)).isEqualTo(2);
    Long jobs = server.services.jdbi.withHandle(h -> h.createQuery("select count(*) from jobs where user_id = :u")
        .bind("u", id).mapTo(Long.class).one());
    assertThat(jobs).isZero();
  }

  @Test
  void aRetriedUploadWithTheSameIdempotencyKeyIsOneImportAndOneCharge() {
    Http u = server.user("import-retry@example.com");
    long before = balance(u);
    byte[] pdf = Render.pdf(sample);
    Http.Res first = u.multipart("/api/v1/imports", "file", "cv.pdf", PDF, pdf, "Idempotency-Key", "upload-1");
    Http.Res retry = u.multipart("/api/v1/imports", "file", "cv.pdf", PDF, pdf, "Idempotency-Key", "upload-1");
    assertThat(first.status()).as(first.body()).isEqualTo(202);
    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
    JsonNode job = awaitJob(u, first.json().path("id").asText());
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
    assertThat(balance(u)).isEqualTo(before - 3);
    // the same key with another file is a mistake, not a replay
    Http.Res other = u.multipart("/api/v1/imports", "file", "cv.docx", DOCX, Render.docx(sample),
        "Idempotency-Key", "upload-1");
    assertThat(other.status()).isEqualTo(422);
    assertThat(balance(u)).isEqualTo(before - 3);
  }

  @Test
  void importsAreRateLimitedPerUser() {
    Http u = server.user("import-rate@example.com");
    byte[] junk = "%PDF-1.4 not really".getBytes(StandardCharsets.UTF_8);
    Http.Res r = null;
    for (int i = 0; i < 5; i++) {
      r = u.multipart("/api/v1/imports", "file", "cv.pdf", PDF, junk);
      if (r.status() == 429) {
        break;
      }
      assertThat(r.status()).isEqualTo(202);
    }
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.code()).isEqualTo("rate_limited");
    assertThat(r.header("Retry-After")).isNotNull();
  }

  static byte[] picturePdf() throws IOException {
    BufferedImage img = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 300, 400);
    g.setColor(Color.BLACK);
    for (int y = 30; y < 380; y += 12) {
      g.fillRect(25, y, 150 + (y * 7) % 100, 5);
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

  static byte[] lockedPdf() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = Loader.loadPDF(Render.pdf(sample))) {
      StandardProtectionPolicy p = new StandardProtectionPolicy("owner", "user-secret", new AccessPermission());
      p.setEncryptionKeyLength(128);
      doc.protect(p);
      doc.save(out);
    }
    return out.toByteArray();
  }
}
